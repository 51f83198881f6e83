import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import Credential, {
  CLIProfileCredentialsProvider,
  CredentialsProvider,
  ECSRAMRoleCredentialsProvider,
  OIDCRoleArnCredentialsProvider,
  ProfileCredentialsProvider,
  URICredentialsProvider,
} from "@alicloud/credentials";
import { CredentialsNotFoundError } from "../errors/configErrors";
import { ConfigSource } from "./settings";

/** An AccessKey pair (with an STS token when temporary), and where it came from. */
export interface ResolvedCredentials {
  accessKeyId: string;
  accessKeySecret: string;
  securityToken?: string;
  /** The source that produced it, e.g. `stack config alicloud:accessKey`; never the secret. */
  source: string;
}

/** One place credentials may come from: it yields them, or says in its own words why not. */
interface CredentialSource {
  name: string;
  load(): Promise<ResolvedCredentials | { missing: string }>;
}

/**
 * The chain, in order: stack config keys of `@pulumi/alicloud`, environment variables (standard,
 * then the Terraform provider's legacy names), an OIDC role (CI), the CLI profile, the shared
 * credentials file, an ECS RAM role (only when `ALIBABA_CLOUD_ECS_METADATA` names it, so machines
 * outside ECS never probe the metadata service), and a credentials URI.
 */
function sources(config: ConfigSource, env: NodeJS.ProcessEnv): CredentialSource[] {
  const ecsRole = env.ALIBABA_CLOUD_ECS_METADATA;
  const credentialsUri = env.ALIBABA_CLOUD_CREDENTIALS_URI;
  return [
    staticPair("stack config alicloud:accessKey/alicloud:secretKey", config.get("alicloud:accessKey"), config.get("alicloud:secretKey"), config.get("alicloud:securityToken")),
    staticPair("environment ALIBABA_CLOUD_ACCESS_KEY_ID/ALIBABA_CLOUD_ACCESS_KEY_SECRET", env.ALIBABA_CLOUD_ACCESS_KEY_ID, env.ALIBABA_CLOUD_ACCESS_KEY_SECRET, env.ALIBABA_CLOUD_SECURITY_TOKEN),
    staticPair("environment ALICLOUD_ACCESS_KEY/ALICLOUD_SECRET_KEY", env.ALICLOUD_ACCESS_KEY, env.ALICLOUD_SECRET_KEY, env.ALICLOUD_SECURITY_TOKEN),
    fromProvider(
      "OIDC role (ALIBABA_CLOUD_ROLE_ARN, ALIBABA_CLOUD_OIDC_PROVIDER_ARN, ALIBABA_CLOUD_OIDC_TOKEN_FILE)",
      env.ALIBABA_CLOUD_ROLE_ARN && env.ALIBABA_CLOUD_OIDC_PROVIDER_ARN && env.ALIBABA_CLOUD_OIDC_TOKEN_FILE
        ? () => OIDCRoleArnCredentialsProvider.builder().build()
        : "not all three variables are set",
    ),
    fromProvider(
      `CLI profile ${profileName(config, env) ?? "(current)"} in ~/.aliyun/config.json`,
      fs.existsSync(path.join(os.homedir(), ".aliyun", "config.json"))
        ? () => withProfile(CLIProfileCredentialsProvider.builder(), profileName(config, env)).build()
        : "the file does not exist",
    ),
    fromProvider(
      "shared credentials file (ALIBABA_CLOUD_CREDENTIALS_FILE or ~/.alibabacloud/credentials)",
      fs.existsSync(env.ALIBABA_CLOUD_CREDENTIALS_FILE ?? path.join(os.homedir(), ".alibabacloud", "credentials"))
        ? () => withProfile(ProfileCredentialsProvider.builder(), profileName(config, env)).build()
        : "the file does not exist",
    ),
    fromProvider(
      "ECS RAM role (ALIBABA_CLOUD_ECS_METADATA)",
      ecsRole
        ? () => ECSRAMRoleCredentialsProvider.builder().withRoleName(ecsRole).build()
        : "ALIBABA_CLOUD_ECS_METADATA is not set",
    ),
    fromProvider(
      "credentials URI (ALIBABA_CLOUD_CREDENTIALS_URI)",
      credentialsUri
        ? () => URICredentialsProvider.builder().withCredentialsURI(credentialsUri).build()
        : "ALIBABA_CLOUD_CREDENTIALS_URI is not set",
    ),
  ];
}

function profileName(config: ConfigSource, env: NodeJS.ProcessEnv): string | undefined {
  return config.get("alicloud:profile") || env.ALIBABA_CLOUD_PROFILE || undefined;
}

function withProfile<B extends { withProfileName(name: string): B }>(builder: B, name: string | undefined): B {
  return name ? builder.withProfileName(name) : builder;
}

function staticPair(name: string, id?: string, secret?: string, token?: string): CredentialSource {
  return {
    name,
    load: async () => {
      if (!id && !secret) return { missing: "not set" };
      if (!id || !secret) return { missing: `only the ${id ? "secret" : "id"} half is missing` };
      return { accessKeyId: id, accessKeySecret: secret, securityToken: token || undefined, source: name };
    },
  };
}

function fromProvider(name: string, make: (() => CredentialsProvider) | string): CredentialSource {
  let provider: CredentialsProvider | undefined;
  return {
    name,
    load: async () => {
      if (typeof make === "string") return { missing: make };
      try {
        provider ??= make();
        const c = await provider.getCredentials();
        if (!c.accessKeyId || !c.accessKeySecret) return { missing: "it yielded no AccessKey" };
        return { accessKeyId: c.accessKeyId, accessKeySecret: c.accessKeySecret, securityToken: c.securityToken || undefined, source: name };
      } catch {
        // The library's own message may quote the file it read; say only that the source failed.
        return { missing: "it was found but could not produce credentials" };
      }
    },
  };
}

/** Resolves credentials when a call runs, remembering which source worked (temporary ones refresh). */
export class CredentialChain {
  private readonly chain: CredentialSource[];
  private winner?: CredentialSource;

  constructor(config: ConfigSource, env: NodeJS.ProcessEnv = process.env) {
    this.chain = sources(config, env);
  }

  /** The current credentials, or a CredentialsNotFoundError listing every source tried. */
  async resolve(): Promise<ResolvedCredentials> {
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
      tried.push({ source: source.name, reason: result.missing });
    }
    throw new CredentialsNotFoundError(tried);
  }

  /** The chain as the credential object `@alicloud/openapi-client` asks before signing each call. */
  asSdkCredential(): Credential {
    return new Credential(null, {
      getCredentials: async () => {
        const c = await this.resolve();
        return { accessKeyId: c.accessKeyId, accessKeySecret: c.accessKeySecret, securityToken: c.securityToken, providerName: "pulumi-cams" };
      },
      getProviderName: () => "pulumi-cams",
    });
  }
}
