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

/** The facts of a credential source the user configured that cannot be used; never a secret value. */
export interface CredentialSourceFailure {
  /** The source, e.g. `OIDC role`. */
  source: string;
  /** The stack config keys or environment variables involved, by name. */
  settings: readonly string[];
  /** What is wrong, e.g. `ALIBABA_CLOUD_OIDC_TOKEN_FILE names /var/run/token, which does not exist`. */
  reason: string;
  /** What to do about it. */
  fix: string;
}

/**
 * A credential source the user configured failed. The chain stops here rather than fall through to
 * a later source, so CAMS never runs with a key nobody chose (a developer's `~/.aliyun` in CI).
 */
export class CredentialSourceError extends Error implements CredentialSourceFailure {
  override readonly name = "CredentialSourceError";
  readonly code = "CredentialSourceFailed";
  readonly source: string;
  readonly settings: readonly string[];
  readonly reason: string;
  readonly fix: string;

  constructor(failure: CredentialSourceFailure) {
    super(
      [
        `Alibaba Cloud credentials for CAMS: the ${failure.source} is configured (${failure.settings.join(", ")}) but cannot be used: ${failure.reason}.`,
        `Fix: ${failure.fix}.`,
        "Later credential sources were not tried, so CAMS never runs with a key you did not choose.",
      ].join("\n"),
    );
    this.source = failure.source;
    this.settings = failure.settings;
    this.reason = failure.reason;
    this.fix = failure.fix;
    // The provider host prints the error and its stack; the message is the whole story.
    this.stack = "";
  }
}

/** A client setting (`cams:endpoint`, `cams:region`, …) has a value the client cannot use. */
export class InvalidSettingError extends Error {
  override readonly name = "InvalidSettingError";
  readonly code = "InvalidSetting";

  constructor(
    /** The stack config key or environment variable the value came from. */
    readonly setting: string,
    readonly reason: string,
    readonly fix: string,
  ) {
    super(`${setting} ${reason}: ${fix}`);
    this.stack = "";
  }
}
