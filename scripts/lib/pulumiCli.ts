import { execFileSync } from "child_process";
import * as path from "path";
import { PulumiCommand } from "@pulumi/pulumi/automation";

/** The repository root (scripts/lib → ../..), from source or from dist/. */
export const REPO_ROOT = path.resolve(__dirname, __dirname.includes(`${path.sep}dist${path.sep}`) ? "../../.." : "../..");

let cached: Promise<PulumiCommand> | undefined;

/**
 * The Pulumi CLI the project provides: `pulumi` on PATH, or one built from Go modules by
 * scripts/ensure-pulumi.sh (cached in .cache/). Fails with install instructions when neither works.
 */
export function pulumiCli(): Promise<PulumiCommand> {
  cached ??= (async () => {
    let binary: string;
    try {
      binary = execFileSync("bash", [path.join(REPO_ROOT, "scripts", "ensure-pulumi.sh")], {
        encoding: "utf8",
        stdio: ["ignore", "pipe", "inherit"],
      }).trim();
    } catch {
      throw new Error(
        "The Pulumi CLI is not available and could not be built (see the lines above). " +
          "Install Pulumi (https://www.pulumi.com/docs/install/) or Go 1.25+, or set PULUMI_CLI to a pulumi binary.",
      );
    }
    return PulumiCommand.get({ root: path.dirname(path.dirname(binary)), skipVersionCheck: true });
  })();
  return cached;
}
