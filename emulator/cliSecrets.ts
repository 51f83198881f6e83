import { readFileSync } from "node:fs";
import { CliUsageError } from "./cliErrors";

/** Where a secret may come from on the command line: a flag (visible to `ps`), a file, or an environment variable. */
export interface SecretSources {
  flag?: { name: string; value: string | undefined };
  file: { name: string; path: string | undefined };
  env: { name: string; value: string | undefined };
}

/** The secret from exactly one source (a flag and a file together are refused), or undefined when none is set. */
export function readSecret(sources: SecretSources): string | undefined {
  const { flag, file, env } = sources;
  if (flag?.value !== undefined && file.path !== undefined) throw new CliUsageError(`Use --${flag.name} or --${file.name}, not both.`);
  if (file.path === undefined) return flag?.value ?? (env.value === "" ? undefined : env.value);
  let content: string;
  try {
    content = readFileSync(file.path, "utf8");
  } catch (error) {
    throw new CliUsageError(`--${file.name} ${file.path} cannot be read (${(error as NodeJS.ErrnoException).code ?? "error"}).`);
  }
  const value = content.replace(/\r?\n$/, "");
  if (value === "") throw new CliUsageError(`--${file.name} ${file.path} is empty.`);
  return value;
}
