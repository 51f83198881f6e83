import { CredentialsNotFoundError } from "../errors/configErrors";
import { assumedRole } from "./assumeRoleSources";
import { CredentialSource, ResolvedCredentials } from "./credentialSource";
import { credentialSources } from "./credentialSources";
import { ConfigSource } from "./settings";

export { ResolvedCredentials };

/**
 * Resolves credentials when a call runs, remembering which source worked (temporary ones refresh).
 * Sources the user chose come first, in chain order, then the default files of the home directory:
 * a developer's `~/.aliyun` profile never outranks a configured OIDC role, file or URI.
 */
export class CredentialChain {
  private readonly chain: CredentialSource[];
  private winner?: CredentialSource;
  /** `alicloud:assumeRole`, assumed with whatever the chain yields. */
  private readonly role?: CredentialSource;

  constructor(config: ConfigSource, env: NodeJS.ProcessEnv = process.env) {
    const all = credentialSources(config, env);
    this.chain = [...all.filter((s) => s.explicit), ...all.filter((s) => !s.explicit)];
    this.role = assumedRole(config, env, () => this.resolveBase());
  }

  /**
   * The current credentials; a CredentialSourceError when a source the user configured fails (the
   * chain never falls through past it), or a CredentialsNotFoundError listing every source tried.
   */
  async resolve(): Promise<ResolvedCredentials> {
    if (!this.role) return this.resolveBase();
    const assumed = await this.role.load();
    if ("accessKeyId" in assumed) return assumed;
    throw new CredentialsNotFoundError([{ source: this.role.name, reason: assumed.absent }]);
  }

  private async resolveBase(): Promise<ResolvedCredentials> {
    if (this.winner) {
      const again = await this.winner.load();
      if ("accessKeyId" in again) return again;
    }
    const tried: Array<{ source: string; reason: string }> = [];
    for (const source of this.chain) {
      const result = await source.load();
      if ("accessKeyId" in result) {
        this.winner = source;
        return result;
      }
      tried.push({ source: source.name, reason: result.absent });
    }
    throw new CredentialsNotFoundError(tried);
  }
}
