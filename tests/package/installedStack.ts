import * as fs from "fs";
import * as path from "path";
import type * as automation from "@pulumi/pulumi/automation";
import { LOCAL_PASSPHRASE } from "../../scripts/lib/localStack";
import { pulumiCli } from "../../scripts/lib/pulumiCli";
import type { InstalledEmulator } from "./consumerProject";

/** A stack whose inline program is the project's compiled index.js, through the project's own @pulumi/pulumi. */
export async function installedStack(app: string, emulator: InstalledEmulator): Promise<automation.Stack> {
  const auto = require(path.join(app, "node_modules", "@pulumi", "pulumi", "automation")) as typeof automation;
  const program = path.join(app, "bin", "index.js");
  const state = path.join(app, ".pulumi-state");
  for (const dir of ["backend", "home"]) fs.mkdirSync(path.join(state, dir), { recursive: true });
  // The project's own PulumiCommand: its errors must be the classes its LocalWorkspace checks for.
  const cli = await auto.PulumiCommand.get({ root: path.dirname(path.dirname((await pulumiCli()).command)), skipVersionCheck: true });
  const stack = await auto.LocalWorkspace.createOrSelectStack(
    {
      projectName: "consumer",
      stackName: "test",
      program: async () => {
        delete require.cache[program];
        const { __esModule, ...outputs } = require(program) as Record<string, unknown>;
        return outputs;
      },
    },
    {
      workDir: app,
      pulumiCommand: cli,
      projectSettings: { name: "consumer", runtime: "nodejs" },
      envVars: {
        PULUMI_BACKEND_URL: `file://${path.join(state, "backend")}`,
        PULUMI_CONFIG_PASSPHRASE: LOCAL_PASSPHRASE,
        PULUMI_HOME: path.join(state, "home"),
        PULUMI_SKIP_UPDATE_CHECK: "true",
        PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION: "true",
      },
    },
  );
  await stack.setAllConfig({
    "cams:endpoint": { value: emulator.endpoint },
    "cams:protocol": { value: "HTTP" },
    "alicloud:accessKey": { value: "LTAI5tCamsEmulatorDemo" },
    "alicloud:secretKey": { value: "cams-emulator-demo-secret", secret: true },
  });
  return stack;
}
