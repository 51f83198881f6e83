#!/usr/bin/env node
/**
 * `pulumi-resource-cams`: the CAMS resource provider plugin, for Pulumi programs in any language
 * (YAML, Python, Go, C#, TypeScript) and `pulumi import`. Needs Node.js 20+ on PATH.
 */
import * as fs from "fs";
import * as path from "path";
import { main } from "@pulumi/pulumi/provider";
import { warnThroughEngine } from "../lifecycle/reporter";
import { CamsPlugin } from "./camsPlugin";
import { packageSchema } from "./schema";
import { installSdkShims } from "./sdkShims";

/** The package's version, which is the plugin's: `pulumi plugin install resource cams <version>`. */
function packageVersion(): string {
  return JSON.parse(fs.readFileSync(path.join(__dirname, "..", "..", "..", "package.json"), "utf8")).version;
}

/** The engine's address: the first argument that is not one of the engine's logging flags. */
function engineAddress(args: string[]): string | undefined {
  return args.filter((a, i) => !a.startsWith("-") && args[i - 1] !== "--tracing")[0];
}

const args = process.argv.slice(2);
const version = packageVersion();
const plugin = new CamsPlugin({
  version,
  schema: () => JSON.stringify(packageSchema(version)),
  warn: warnThroughEngine(engineAddress(args)),
});
// configure never rejects: a refused configuration is reported by the calls that follow.
installSdkShims((config) => void plugin.configure(config));
main(plugin, args).catch((error: unknown) => {
  process.stderr.write(`pulumi-resource-cams: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
