import { createRequire } from "module";
import type * as grpcTypes from "@grpc/grpc-js";
import type { PulumiFn, Stack } from "@pulumi/pulumi/automation";
import * as langrpc from "@pulumi/pulumi/proto/language_grpc_pb";

/** What a CLI run printed. */
export interface CliResult {
  stdout: string;
  stderr: string;
  code: number;
}

/** The Automation API's server for inline programs (exported by @pulumi/pulumi, but not in its typings). */
interface InlineLanguageServer {
  onPulumiExit(hasError: boolean): void;
}
const { LanguageServer } = require("@pulumi/pulumi/automation/server") as {
  LanguageServer: new (program: PulumiFn) => InlineLanguageServer;
};

/** The gRPC library @pulumi/pulumi's generated services were built with. */
function grpcOfPulumi(): typeof grpcTypes {
  return createRequire(require.resolve("@pulumi/pulumi/proto/language_grpc_pb"))("@grpc/grpc-js");
}

/**
 * Runs any `pulumi` command (e.g. `preview --json`) on a stack whose program is an inline function,
 * the way the Automation API does: the program is served over gRPC and the CLI connects with --client.
 * Never throws on a non-zero exit: the caller reads `code`, `stdout` and `stderr`.
 */
export async function runWithInlineProgram(stack: Stack, program: PulumiFn, args: string[]): Promise<CliResult> {
  const grpc = grpcOfPulumi();
  const server = new grpc.Server();
  const language = new LanguageServer(program);
  server.addService(langrpc.LanguageRuntimeService, language as unknown as grpcTypes.UntypedServiceImplementation);
  const port = await new Promise<number>((resolve, reject) =>
    server.bindAsync("127.0.0.1:0", grpc.ServerCredentials.createInsecure(), (err, p) => (err ? reject(err) : resolve(p))),
  );
  const workspace = stack.workspace as typeof stack.workspace & { pulumiCommand: { run: Function }; envVars: Record<string, string>; pulumiHome?: string };
  const env = { ...workspace.envVars, ...(workspace.pulumiHome ? { PULUMI_HOME: workspace.pulumiHome } : {}) };
  let failed = false;
  try {
    const result = await workspace.pulumiCommand.run(
      [...args, `--client=127.0.0.1:${port}`, "--exec-kind", "auto.inline", "--stack", stack.name, "--non-interactive"],
      workspace.workDir,
      env,
    );
    return { stdout: result.stdout, stderr: result.stderr, code: result.code };
  } catch (error) {
    failed = true;
    // On a non-zero exit the Automation API keeps the process's own output only on the execa error.
    const e = error as { commandResult?: CliResult & { err?: { stdout?: string; stderr?: string; exitCode?: number } } };
    const exited = e.commandResult?.err;
    if (typeof exited?.stdout === "string") return { stdout: exited.stdout, stderr: exited.stderr ?? "", code: exited.exitCode ?? e.commandResult!.code };
    if (e.commandResult) return { stdout: e.commandResult.stdout, stderr: e.commandResult.stderr, code: e.commandResult.code };
    throw error;
  } finally {
    language.onPulumiExit(failed);
    server.forceShutdown();
  }
}
