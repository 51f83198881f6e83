import { DEMO_CREDENTIAL } from "../../../emulator/credentials";
import { CamsClient } from "../../../provider/client/camsClient";
import { CredentialChain } from "../../../provider/client/credentials";
import { DEFAULT_RETRY_POLICY } from "../../../provider/client/retry";

/** What one caller process reports on stdout: how many calls it made, and the codes of those that failed. */
export interface CallerReport {
  ok: number;
  failed: string[];
  retried: string[];
}

/**
 * A separate provider-like process: `calls` listings at once against `endpoint` with the demo key and
 * CAMS's 5 calls per second, as a stack's provider host would send them.
 */
async function main(endpoint: string, calls: number): Promise<void> {
  const config = { get: (k: string) => ({ "alicloud:accessKey": DEMO_CREDENTIAL.accessKeyId, "alicloud:secretKey": DEMO_CREDENTIAL.accessKeySecret })[k] };
  const retried: string[] = [];
  const client = new CamsClient(
    { regionId: "ap-southeast-1", endpoint, protocol: "HTTP", maxCallsPerSecond: 5, timeoutMs: 15_000, connectTimeoutMs: 5_000 },
    new CredentialChain(config, {}),
    DEFAULT_RETRY_POLICY,
    (e) => e.outcome === "retry" && retried.push(e.code ?? ""),
  );
  const settled = await Promise.allSettled(Array.from({ length: calls }, (_, i) => client.listQrdls({ phoneNumber: `86158000000${String(i % 10).padStart(2, "0")}` })));
  const report: CallerReport = {
    ok: settled.filter((s) => s.status === "fulfilled").length,
    failed: settled.flatMap((s) => (s.status === "rejected" ? [String((s.reason as { code?: string }).code ?? s.reason)] : [])),
    retried,
  };
  process.stdout.write(JSON.stringify(report));
}

if (require.main === module) {
  main(process.argv[2], Number(process.argv[3])).catch((e: unknown) => {
    process.stderr.write(String(e));
    process.exit(1);
  });
}
