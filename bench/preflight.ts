import { assertPackageBuilt } from "../tests/e2e/harness";
import { pulumiCli } from "../scripts/lib/pulumiCli";

/** The CLI's version, after making sure the CLI and the compiled package the provider host loads exist. */
export async function preflight(): Promise<string> {
  assertPackageBuilt();
  const cli = await pulumiCli();
  return cli.version?.toString() ?? "unknown";
}
