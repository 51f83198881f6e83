/** No credential source yielded an AccessKey; lists every source tried and why it did not. */
export class CredentialsNotFoundError extends Error {
  override readonly name = "CredentialsNotFoundError";
  readonly code = "NoCredentials";

  constructor(readonly tried: ReadonlyArray<{ source: string; reason: string }>) {
    super(
      [
        "No Alibaba Cloud credentials found for CAMS. Sources tried, in order:",
        ...tried.map((t, i) => `  ${i + 1}. ${t.source}: ${t.reason}`),
        "Fix: `pulumi config set alicloud:accessKey <id>` and `pulumi config set --secret alicloud:secretKey <secret>`,",
        "or export ALIBABA_CLOUD_ACCESS_KEY_ID and ALIBABA_CLOUD_ACCESS_KEY_SECRET, or configure an OIDC role in CI.",
      ].join("\n"),
    );
  }
}
