import { parseArgs } from "node:util";
import type { BehaviourPatch } from "./behaviour";
import { CliUsageError } from "./cliErrors";
import { readSecret } from "./cliSecrets";
import { DEMO_CREDENTIAL } from "./credentials";
import type { EmulatorOptions } from "./emulator";

/** What the command line asks for. */
export interface CliConfig {
  help: boolean;
  options: EmulatorOptions;
  /** Where to write {url, endpoint, port} once listening. */
  readyFile?: string;
  /** Whether the key is the documented demo key, whose secret may be printed. */
  demoKey: boolean;
}


/** The default port, fixed so the printed CAMS_ENDPOINT stays valid across runs. */
export const DEFAULT_PORT = 8790;

/** The environment variables that can carry the secret and the admin token, so they stay out of `ps`. */
export const SECRET_ENV = "CAMS_EMULATOR_ACCESS_KEY_SECRET";
export const ADMIN_TOKEN_ENV = "CAMS_EMULATOR_ADMIN_TOKEN";

/**
 * The default state file, relative to the working directory (the repository ignores .work/): one per port, so
 * parallel jobs in one workspace never share it (two emulators cannot listen on one port); none for port 0.
 */
export function defaultStateFile(port: number): string | undefined {
  return port === 0 ? undefined : `.work/emulator/state-${port}.json`;
}

/** The --help text. */
export const HELP = `Usage: cams-emulator [options]

A local emulator of Alibaba Cloud CAMS's WhatsApp message QR code API.

Options:
  --port <n>                         port to listen on (default ${DEFAULT_PORT}; 0 = any free port)
  --host <address>                   address to listen on (default 127.0.0.1; anything else exposes the admin API)
  --allowed-host <name>[,<name>]     host names clients use besides IP addresses and localhost (e.g. a CI service's)
  --state <file>                     JSON state file, safe to share between emulators
                                     (default ${defaultStateFile(DEFAULT_PORT)}, i.e. per port; in memory with --port 0)
  --in-memory                        keep codes in memory only, ignoring --state
  --public-base-url <url>            base of the QrImageUrl values (default http://<host>:<port>)
  --access-key-id <id>               the accepted AccessKeyId (default the demo key)
  --access-key-secret <secret>       its secret (default the demo secret; visible to ps, prefer the two below)
  --access-key-secret-file <file>    read the secret from this file (trailing newline ignored)
                                     (or set ${SECRET_ENV})
  --security-token <token>           make the key temporary: requests must carry this token
  --admin-token-file <file>          require "Authorization: Bearer <token>" on the admin API
                                     (or set ${ADMIN_TOKEN_ENV})
  --qps <n>                          requests per second per AccessKeyId (default 5; 0 = unlimited)
  --update-mode reissue|keep         Update issues a new QrdlCode (default) or keeps it
  --max-codes-per-number <n>         codes allowed per phone number (default 2000)
  --unsubscribed                     answer every call with Product.Unsubscript
  --business-errors-as-http200       send CAMS's business errors as HTTP 200 with Code != "OK"
  --fault-error-rate <0..1>          answer 500/503 before doing anything
  --fault-drop-after-commit-rate <0..1>  commit, then drop the connection without answering
  --fault-throttle-rate <0..1>       extra System.LimitControl answers
  --fault-latency-ms <ms>            delay added to every API response
  --fault-latency-spike-rate <0..1>  chance of an extra delay
  --fault-latency-spike-ms <ms>      that extra delay
  --fault-seed <n>                   seed the fault dice, so the same faults fire on every run
  --ready-file <file>                write {"url","endpoint","port"} there once listening
  --help                             show this text

The admin API (unsigned) is under /_emulator/: GET health, GET codes, PATCH|DELETE codes/<phone>/<code>,
GET|DELETE calls, GET|PATCH behaviour, POST reset. POST and PATCH take content-type application/json; requests
from web pages (another Origin, Sec-Fetch-Site cross-site, a Host that is not this emulator's) are refused.
`;

const STRING_FLAGS = [
  "port", "host", "allowed-host", "state", "public-base-url", "access-key-id", "access-key-secret",
  "access-key-secret-file", "admin-token-file", "security-token", "qps",
  "update-mode", "max-codes-per-number", "fault-error-rate", "fault-drop-after-commit-rate", "fault-throttle-rate",
  "fault-latency-ms", "fault-latency-spike-rate", "fault-latency-spike-ms", "fault-seed", "ready-file",
] as const;
const BOOLEAN_FLAGS = ["in-memory", "unsubscribed", "business-errors-as-http200", "help"] as const;

/** Turns the command line into emulator options; value ranges are checked when the emulator starts. */
export function parseCliArgs(argv: readonly string[], env: NodeJS.ProcessEnv = process.env): CliConfig {
  let values: Record<string, unknown>;
  try {
    values = parseArgs({
      args: [...argv],
      options: Object.fromEntries([
        ...STRING_FLAGS.map((f) => [f, { type: "string" as const }]),
        ...BOOLEAN_FLAGS.map((f) => [f, { type: "boolean" as const }]),
      ]),
      strict: true,
      allowPositionals: false,
    }).values;
  } catch (error) {
    throw new CliUsageError((error as Error).message);
  }
  const text = (flag: string): string | undefined => values[flag] as string | undefined;
  const num = (flag: string): number | undefined => {
    const raw = text(flag);
    if (raw === undefined) return undefined;
    const n = Number(raw);
    if (raw.trim() === "" || !Number.isFinite(n)) throw new CliUsageError(`--${flag} needs a number, got "${raw}".`);
    return n;
  };
  const updateMode = text("update-mode");
  if (updateMode !== undefined && updateMode !== "reissue" && updateMode !== "keep") {
    throw new CliUsageError(`--update-mode must be reissue or keep, got "${updateMode}".`);
  }
  const accessKeyId = text("access-key-id") ?? DEMO_CREDENTIAL.accessKeyId;
  const accessKeySecret =
    readSecret({
      flag: { name: "access-key-secret", value: text("access-key-secret") },
      file: { name: "access-key-secret-file", path: text("access-key-secret-file") },
      env: { name: SECRET_ENV, value: env[SECRET_ENV] },
    }) ?? DEMO_CREDENTIAL.accessKeySecret;
  const adminToken = readSecret({ file: { name: "admin-token-file", path: text("admin-token-file") }, env: { name: ADMIN_TOKEN_ENV, value: env[ADMIN_TOKEN_ENV] } });
  const securityToken = text("security-token");
  const behaviour: BehaviourPatch = dropUndefined({
    qpsPerAccessKey: num("qps"),
    updateMode,
    maxCodesPerNumber: num("max-codes-per-number"),
    unsubscribed: values["unsubscribed"] === true ? true : undefined,
    businessErrorsAsHttp200: values["business-errors-as-http200"] === true ? true : undefined,
    faults: dropUndefined({
      errorRate: num("fault-error-rate"),
      dropAfterCommitRate: num("fault-drop-after-commit-rate"),
      throttleRate: num("fault-throttle-rate"),
      latencyMs: num("fault-latency-ms"),
      latencySpikeRate: num("fault-latency-spike-rate"),
      latencySpikeMs: num("fault-latency-spike-ms"),
      seed: num("fault-seed"),
    }),
  });
  const port = num("port") ?? DEFAULT_PORT;
  const allowedHosts = text("allowed-host")?.split(",").map((h) => h.trim()).filter((h) => h !== "");
  return {
    help: values["help"] === true,
    readyFile: text("ready-file"),
    demoKey: accessKeyId === DEMO_CREDENTIAL.accessKeyId && accessKeySecret === DEMO_CREDENTIAL.accessKeySecret,
    options: dropUndefined({
      port,
      host: text("host"),
      allowedHosts,
      adminToken,
      stateFile: values["in-memory"] === true ? undefined : (text("state") ?? defaultStateFile(port)),
      publicBaseUrl: text("public-base-url"),
      credentials: [securityToken === undefined ? { accessKeyId, accessKeySecret } : { accessKeyId, accessKeySecret, securityToken }],
      behaviour,
    }),
  };
}

// Absent flags must not override defaults with an explicit undefined.
function dropUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
