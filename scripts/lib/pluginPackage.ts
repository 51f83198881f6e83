import { execFileSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { REPO_ROOT } from "./pulumiCli";

/** The plugin's version: the npm package's. */
export function pluginVersion(): string {
  return JSON.parse(fs.readFileSync(path.join(REPO_ROOT, "package.json"), "utf8")).version;
}

let archive: string | undefined;

/** The plugin archive, built once per process by scripts/build-plugin-archive.sh from the compiled package. */
export function pluginArchive(): string {
  archive ??= execFileSync("bash", [path.join(REPO_ROOT, "scripts", "build-plugin-archive.sh")], {
    encoding: "utf8",
    stdio: ["ignore", "pipe", "inherit"],
  }).trim();
  return archive;
}

/** The YAML language host the project provides (scripts/ensure-yaml-host.sh): `pulumi-language-yaml` on PATH or a cached build. */
export function yamlLanguageHost(): string {
  return execFileSync("bash", [path.join(REPO_ROOT, "scripts", "ensure-yaml-host.sh")], {
    encoding: "utf8",
    stdio: ["ignore", "pipe", "inherit"],
  }).trim();
}

/** Installs the plugin archive into the PULUMI_HOME `home`, as a user would: `pulumi plugin install resource cams <version> --file`. */
export function installPlugin(pulumi: string, home: string): void {
  execFileSync(pulumi, ["plugin", "install", "resource", "cams", pluginVersion(), "--file", pluginArchive()], {
    env: { ...process.env, PULUMI_HOME: home },
    stdio: ["ignore", "ignore", "inherit"],
  });
}
