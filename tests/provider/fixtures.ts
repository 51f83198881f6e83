import { CamsEmulator, DEFAULT_BEHAVIOUR, DEMO_CREDENTIAL, type BehaviourPatch } from "../../emulator";
import { QrdlProvider, ProviderOptions } from "../../provider/lifecycle/provider";
import { CamsClient } from "../../provider/client/camsClient";
import { CredentialChain } from "../../provider/client/credentials";
import type { QrdlRecord } from "../../provider/client/operations";
import { type ConfigSource, resolveSettings } from "../../provider/client/settings";
import type { RetryPolicy } from "../../provider/client/retry";

/** Retries quick enough for tests, as many as in production. */
export const FAST_RETRY: RetryPolicy = { maxAttempts: 8, baseDelayMs: 20, maxDelayMs: 200 };

/** The grace period of provider tests: short, but long enough to see a commit that comes late. */
export const TEST_GRACE_MS = 300;

/** A stack config as the provider host hands it over. */
export function stackConfig(values: Record<string, string>): ConfigSource {
  return { get: (key) => values[key] };
}

/** Stack config that points the provider at an emulator with its demo key. */
export function emulatorConfig(emulator: CamsEmulator, extra: Record<string, string> = {}): ConfigSource {
  return stackConfig({
    "cams:endpoint": emulator.endpoint,
    "cams:protocol": "HTTP",
    "alicloud:accessKey": DEMO_CREDENTIAL.accessKeyId,
    "alicloud:secretKey": DEMO_CREDENTIAL.accessKeySecret,
    ...extra,
  });
}

/** Lifts the client's own 5-per-second limit where a test is not about it. */
export const UNLIMITED = { "cams:maxCallsPerSecond": "1000" };

/** A provider wired to the emulator, isolated from this machine's environment, recording warnings. */
export function providerFor(emulator: CamsEmulator, options: ProviderOptions = {}, config: Record<string, string> = UNLIMITED): QrdlProvider & { warnings: string[] } {
  const warnings: string[] = [];
  const provider = new QrdlProvider({
    config: emulatorConfig(emulator, config),
    env: {},
    retry: FAST_RETRY,
    graceMs: TEST_GRACE_MS,
    warn: async (message) => {
      warnings.push(message);
    },
    ...options,
  });
  return Object.assign(provider, { warnings });
}

/** Starts an emulator on a free port with the given behaviour. */
export function startEmulator(behaviour: BehaviourPatch = {}): Promise<CamsEmulator> {
  return CamsEmulator.start({ behaviour });
}

/** The seed of every provider test's fault dice: injected faults fire the same way on every run. */
export const FAULT_SEED = 20261125;

/**
 * One emulator for the enclosing mocha suite, closed after it; before each test it forgets every
 * code and call and goes back to `behaviour` with the dice reseeded, so no test sees another's
 * faults or codes and every test sees the same faults on every run.
 */
export function useEmulator(behaviour: BehaviourPatch = {}): () => CamsEmulator {
  let emulator: CamsEmulator | undefined;
  before(async () => {
    emulator = await startEmulator(behaviour);
  });
  after(() => emulator?.close());
  beforeEach(() => {
    emulator!.reset();
    emulator!.resetCalls();
    emulator!.configure({ ...DEFAULT_BEHAVIOUR, ...behaviour, faults: { ...DEFAULT_BEHAVIOUR.faults, seed: FAULT_SEED, ...behaviour.faults } });
  });
  return () => emulator!;
}

/** Valid inputs of one code, as check would return them. */
export function inputs(overrides: Record<string, unknown> = {}) {
  return {
    phoneNumber: "8615800000000",
    prefilledMessage: "Hi, I'm at store 42",
    generateQrImage: "PNG" as const,
    invalidationPolicy: "update" as const,
    ...overrides,
  };
}

/** The most calls the emulator received within any 1000 ms window. */
export function peakCallsPerSecond(at: number[]): number {
  const sorted = [...at].sort((a, b) => a - b);
  let peak = 0;
  for (let i = 0, j = 0; j < sorted.length; j++) {
    while (sorted[j] - sorted[i] >= 1000) i++;
    peak = Math.max(peak, j - i + 1);
  }
  return peak;
}

/** A code made outside this provider, as the console or another tool would make it. */
export function madeElsewhere(emulator: CamsEmulator, overrides: Record<string, unknown> = {}): Promise<QrdlRecord> {
  const config = emulatorConfig(emulator, UNLIMITED);
  return new CamsClient(resolveSettings(config, {}), new CredentialChain(config, {}), FAST_RETRY).createQrdl(inputs(overrides));
}
