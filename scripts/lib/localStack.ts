import * as fs from "fs";
import * as path from "path";
import { ConfigMap, LocalWorkspace, PulumiFn, Stack } from "@pulumi/pulumi/automation";
import { DEMO_CREDENTIAL, type CamsEmulator } from "../../emulator";
import { pulumiCli } from "./pulumiCli";

/** A stack on a local file backend, driven through the real Pulumi engine. */
export interface LocalStackOptions {
  /** Where the engine and the provider host run; `pulumi-cams` must resolve from here. */
  workDir: string;
  /** Where the file backend and PULUMI_HOME live (default: `<workDir>/.pulumi-state`). */
  stateDir?: string;
  projectName: string;
  stackName: string;
  /** The Pulumi program, run inline by the Automation API. */
  program: PulumiFn;
  config?: ConfigMap;
  /** Extra environment for the engine and the provider host. */
  env?: Record<string, string>;
}

/** The throwaway passphrase local stacks encrypt their secrets with. */
export const LOCAL_PASSPHRASE = "pulumi-cams-local-passphrase";

/** Creates (or selects) a stack on a file backend under `stateDir`. */
export async function localStack(options: LocalStackOptions): Promise<Stack> {
  const stateDir = options.stateDir ?? path.join(options.workDir, ".pulumi-state");
  const backendDir = path.join(stateDir, "backend");
  const homeDir = path.join(stateDir, "home");
  fs.mkdirSync(backendDir, { recursive: true });
  fs.mkdirSync(homeDir, { recursive: true });
  const stack = await LocalWorkspace.createOrSelectStack(
    { projectName: options.projectName, stackName: options.stackName, program: options.program },
    {
      workDir: options.workDir,
      pulumiCommand: await pulumiCli(),
      // An existing Pulumi.yaml (the repo root's) is used as it is, never rewritten.
      projectSettings: fs.existsSync(path.join(options.workDir, "Pulumi.yaml"))
        ? undefined
        : { name: options.projectName, runtime: "nodejs" },
      envVars: {
        PULUMI_BACKEND_URL: `file://${backendDir}`,
        PULUMI_CONFIG_PASSPHRASE: LOCAL_PASSPHRASE,
        PULUMI_HOME: homeDir,
        PULUMI_SKIP_UPDATE_CHECK: "true",
        PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION: "true",
        ...options.env,
      },
    },
  );
  if (options.config) await stack.setAllConfig(options.config);
  return stack;
}

/** A resource as a stack's state (or `pulumi stack export`) records it. */
export interface StateResource {
  type: string;
  urn: string;
  id?: string;
  inputs?: Record<string, unknown>;
  outputs?: Record<string, unknown>;
}

/** The path of a stack's state file on the local backend. */
export function stateFile(stateDir: string, projectName: string, stackName: string): string {
  return path.join(stateDir, "backend", ".pulumi", "stacks", projectName, `${stackName}.json`);
}

/** Stack config pointing pulumi-cams at an emulator with its demo key (the secret as a Pulumi secret). */
export function emulatorStackConfig(emulator: CamsEmulator): ConfigMap {
  return {
    "cams:endpoint": { value: emulator.endpoint },
    "cams:protocol": { value: "HTTP" },
    "alicloud:accessKey": { value: DEMO_CREDENTIAL.accessKeyId },
    "alicloud:secretKey": { value: DEMO_CREDENTIAL.accessKeySecret, secret: true },
  };
}
