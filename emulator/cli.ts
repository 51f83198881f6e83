#!/usr/bin/env node
import { rmSync } from "node:fs";
import { resolve } from "node:path";
import { HELP, parseCliArgs, type CliConfig } from "./cliArgs";
import { CliUsageError } from "./cliErrors";
import { InvalidBehaviourError } from "./behaviour";
import { CamsEmulator } from "./emulator";
import { isLoopback, isWildcard, urlHost } from "./http/address";
import { writeFileAtomic } from "./state/atomicWrite";

async function main(argv: readonly string[]): Promise<void> {
  const config = parseCliArgs(argv);
  if (config.help) {
    process.stdout.write(HELP);
    return;
  }
  const readyFile = config.readyFile && resolve(config.readyFile);
  // A ready file left by an earlier run must not announce this one before it listens.
  if (readyFile) rmSync(readyFile, { force: true });
  const emulator = await CamsEmulator.start(config.options);
  process.stdout.write(banner(emulator, config));
  if (!isLoopback(emulator.host)) process.stderr.write(exposureWarning(emulator, config.options.adminToken !== undefined));
  if (readyFile) {
    writeFileAtomic(readyFile, `${JSON.stringify({ url: emulator.url, endpoint: emulator.endpoint, port: emulator.port })}\n`);
  }
  const stop = (): void => {
    void emulator.close().then(() => {
      if (readyFile) rmSync(readyFile, { force: true });
      process.exit(0);
    });
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
}

function banner(emulator: CamsEmulator, config: CliConfig): string {
  const credential = config.options.credentials?.[0];
  // Only the published demo secret is printed; a secret the user chose stays off the terminal and logs.
  const secret = config.demoKey ? credential?.accessKeySecret : "<the secret you passed>";
  const state = config.options.stateFile ? resolve(config.options.stateFile) : "none (in memory)";
  const token = credential?.securityToken === undefined ? "" : "export ALIBABA_CLOUD_SECURITY_TOKEN=<the --security-token you passed>\n";
  const listening = `http://${urlHost(emulator.host)}:${emulator.port}`;
  const where = isWildcard(emulator.host) ? `${listening} (every interface; from this machine: ${emulator.url})` : listening;
  return `CAMS emulator listening on ${where}
  state file: ${state}
  admin API:  ${emulator.url}/_emulator/health

${config.demoKey ? "Demo credentials" : "Credentials"}:
  AccessKeyId:     ${credential?.accessKeyId}
  AccessKeySecret: ${secret}

Point pulumi-cams at it:
export CAMS_ENDPOINT=${emulator.endpoint}
export CAMS_PROTOCOL=HTTP
export ALIBABA_CLOUD_ACCESS_KEY_ID=${credential?.accessKeyId}
export ALIBABA_CLOUD_ACCESS_KEY_SECRET=${secret}
${token}`;
}

// Printed whenever other machines may reach the emulator: without a token nothing under /_emulator/ asks who is calling.
function exposureWarning(emulator: CamsEmulator, adminToken: boolean): string {
  const admin = adminToken
    ? "The admin API requires the admin token, but the demo key, if used, is public:"
    : `The admin API (${emulator.url}/_emulator/)
is unauthenticated: anyone who can reach port ${emulator.port} can read, edit and delete every code and change the
behaviour, and the demo key is public. Set --admin-token-file, or`;
  return `WARNING: listening on ${urlHost(emulator.host)}, reachable from other machines. ${admin}
use --host 127.0.0.1 (the default) unless this network is yours alone.
`;
}

main(process.argv.slice(2)).catch((error: unknown) => {
  const usage = error instanceof CliUsageError || error instanceof InvalidBehaviourError;
  process.stderr.write(`cams-emulator: ${(error as Error).message}\n${usage ? "Run cams-emulator --help for the options.\n" : ""}`);
  process.exit(usage ? 2 : 1);
});
