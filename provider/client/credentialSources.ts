import { CredentialsProvider, ECSRAMRoleCredentialsProvider, OIDCRoleArnCredentialsProvider, URICredentialsProvider } from "@alicloud/credentials";
import { CredentialSourceError } from "../errors/configErrors";
import { whyProviderFailed } from "./credentialFailures";
import { oidcRoleFromConfig } from "./assumeRoleSources";
import { CredentialSource, accessKeyOf, stsEndpointOf, tokenFileProblem } from "./credentialSource";
import { profileSources } from "./profileSources";
import { ConfigSource } from "./settings";

/** How the user sets or clears a setting of one kind, for the fix of an error. */
interface SettingKind {
  set(key: string, secret: boolean): string;
  unset(key: string): string;
}

const STACK_CONFIG: SettingKind = {
  set: (key, secret) => `\`pulumi config set${secret ? " --secret" : ""} ${key} <value>\``,
  unset: (key) => `\`pulumi config rm ${key}\``,
};
const ENVIRONMENT: SettingKind = { set: (key) => `\`export ${key}=<value>\``, unset: (key) => `\`unset ${key}\`` };

/**
 * The chain, in order: stack config keys of `@pulumi/alicloud` (an OIDC role, then an AccessKey
 * pair), environment variables (standard, then the Terraform provider's legacy names), an OIDC role
 * (CI), a CLI profile, the shared credentials file, an ECS RAM role (only when `ALIBABA_CLOUD_ECS_METADATA` names it, so machines
 * outside ECS never probe the metadata service), and a credentials URI.
 */
export function credentialSources(config: ConfigSource, env: NodeJS.ProcessEnv): CredentialSource[] {
  const fromEnv = (key: string) => env[key] || undefined;
  const fromConfig = (key: string) => config.get(key) || undefined;
  return [
    oidcRoleFromConfig(config, env),
    staticPair("stack config", STACK_CONFIG, fromConfig, ["alicloud:accessKey", "alicloud:secretKey", "alicloud:securityToken"]),
    staticPair("environment", ENVIRONMENT, fromEnv, ["ALIBABA_CLOUD_ACCESS_KEY_ID", "ALIBABA_CLOUD_ACCESS_KEY_SECRET", "ALIBABA_CLOUD_SECURITY_TOKEN"]),
    staticPair("environment", ENVIRONMENT, fromEnv, ["ALICLOUD_ACCESS_KEY", "ALICLOUD_SECRET_KEY", "ALICLOUD_SECURITY_TOKEN"]),
    oidcRole(env),
    ...profileSources(config, env),
    explicitProvider("ECS RAM role", "ALIBABA_CLOUD_ECS_METADATA", fromEnv("ALIBABA_CLOUD_ECS_METADATA"), (role) =>
      ECSRAMRoleCredentialsProvider.builder().withRoleName(role).build(),
    ),
    explicitProvider("credentials URI", "ALIBABA_CLOUD_CREDENTIALS_URI", fromEnv("ALIBABA_CLOUD_CREDENTIALS_URI"), (uri) =>
      URICredentialsProvider.builder().withCredentialsURI(uri).build(),
    ),
  ];
}

/** An AccessKey pair with an optional STS token: all-or-nothing, so half a pair is an error. */
function staticPair(where: string, kind: SettingKind, read: (key: string) => string | undefined, keys: [string, string, string]): CredentialSource {
  const [idKey, secretKey] = keys;
  const name = `${where} ${idKey}/${secretKey}`;
  return {
    name,
    explicit: keys.some((k) => read(k) !== undefined),
    load: async () => {
      const [id, secret, token] = keys.map(read);
      if (!id && !secret && !token) return { absent: "not set" };
      const missing = [id ? undefined : idKey, secret ? undefined : secretKey].filter((k): k is string => k !== undefined);
      if (missing.length > 0) {
        const present = keys.filter((k) => read(k) !== undefined);
        throw new CredentialSourceError({
          source: `AccessKey pair in ${where}`,
          settings: present,
          reason: `${present.join(" and ")} ${present.length > 1 ? "are" : "is"} set but ${missing.join(" and ")} ${missing.length > 1 ? "are" : "is"} not`,
          fix: `run ${missing.map((k) => kind.set(k, k === secretKey)).join(" and ")}, or ${present.map((k) => kind.unset(k)).join(" and ")} to use another source`,
        });
      }
      return { accessKeyId: id!, accessKeySecret: secret!, securityToken: token, source: name };
    },
  };
}

const OIDC_KEYS = ["ALIBABA_CLOUD_ROLE_ARN", "ALIBABA_CLOUD_OIDC_PROVIDER_ARN", "ALIBABA_CLOUD_OIDC_TOKEN_FILE"] as const;

/** An OIDC role (CI): any of its three variables set makes it the source, so it must work. */
function oidcRole(env: NodeJS.ProcessEnv): CredentialSource {
  const name = `OIDC role (${OIDC_KEYS.join(", ")})`;
  const fail = (reason: string, fix: string) => new CredentialSourceError({ source: "OIDC role", settings: OIDC_KEYS.filter((k) => env[k]), reason, fix });
  const unsetAll = `or unset ${OIDC_KEYS.join(", ")} to use another source`;
  let provider: CredentialsProvider | undefined;
  return {
    name,
    explicit: OIDC_KEYS.some((k) => env[k]),
    load: async () => {
      const [roleArn, providerArn, tokenFile] = OIDC_KEYS.map((k) => env[k] || undefined);
      if (!roleArn && !providerArn && !tokenFile) return { absent: "not set" };
      const missing = OIDC_KEYS.filter((k) => !env[k]);
      if (missing.length > 0) throw fail(`${missing.join(" and ")} ${missing.length > 1 ? "are" : "is"} not set (all three are needed)`, `export ${missing.map((k) => `${k}=<value>`).join(" ")}, ${unsetAll}`);
      const unreadable = tokenFileProblem(tokenFile!);
      if (unreadable) {
        throw fail(`ALIBABA_CLOUD_OIDC_TOKEN_FILE names ${tokenFile}, which ${unreadable}`, `make the CI job write its OIDC token there before Pulumi runs (GitHub Actions: \`permissions: id-token: write\`), ${unsetAll}`);
      }
      const stsEndpoint = stsEndpointOf(env);
      try {
        provider ??= OIDCRoleArnCredentialsProvider.builder()
          .withRoleArn(roleArn!)
          .withOIDCProviderArn(providerArn!)
          .withOIDCTokenFilePath(tokenFile!)
          .withStsEndpoint(stsEndpoint)
          .withRoleSessionName(env.ALIBABA_CLOUD_ROLE_SESSION_NAME || "pulumi-cams")
          .build();
        return accessKeyOf(await provider.getCredentials(), name);
      } catch (error) {
        throw fail(`AssumeRoleWithOIDC at ${stsEndpoint} failed: ${whyProviderFailed(error)}`, "check that the role trusts this OIDC provider and the token's audience, and that STS is reachable");
      }
    },
  };
}

/** A source named by one environment variable: set means chosen, so a failure is an error. */
function explicitProvider(source: string, key: string, value: string | undefined, make: (value: string) => CredentialsProvider): CredentialSource {
  const name = `${source} (${key})`;
  let provider: CredentialsProvider | undefined;
  return {
    name,
    explicit: value !== undefined,
    load: async () => {
      if (!value) return { absent: `${key} is not set` };
      try {
        provider ??= make(value);
        return accessKeyOf(await provider.getCredentials(), name);
      } catch (error) {
        throw new CredentialSourceError({ source, settings: [key], reason: whyProviderFailed(error), fix: `check the ${source} ${key} names, or unset ${key} to use another source` });
      }
    },
  };
}
