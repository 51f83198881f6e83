import { CredentialsProvider, OIDCRoleArnCredentialsProvider, RAMRoleARNCredentialsProvider } from "@alicloud/credentials";
import { CredentialSourceError, CredentialsNotFoundError } from "../errors/configErrors";
import { whyProviderFailed } from "./credentialFailures";
import { CredentialSource, ResolvedCredentials, accessKeyOf, stsEndpointOf, tokenFileProblem } from "./credentialSource";
import { ConfigSource } from "./settings";

const OIDC_KEY = "alicloud:assumeRoleWithOidc";
const ROLE_KEY = "alicloud:assumeRole";

/** A stack config object of `@pulumi/alicloud` (a JSON string), or undefined when unset; never echoed, it may hold a token. */
function objectSetting(config: ConfigSource, key: string, fail: (reason: string) => CredentialSourceError): Record<string, unknown> | undefined {
  const raw = config.get(key);
  if (!raw) return undefined;
  try {
    const parsed: unknown = JSON.parse(raw);
    if (typeof parsed === "object" && parsed !== null && !Array.isArray(parsed)) return parsed as Record<string, unknown>;
  } catch {
    // Reported below, without the value.
  }
  throw fail("it is not an object (set its fields with `pulumi config set --path`)");
}

function text(object: Record<string, unknown>, field: string): string | undefined {
  return typeof object[field] === "string" && object[field] !== "" ? (object[field] as string) : undefined;
}

/** `alicloud:assumeRoleWithOidc`, the OIDC role `@pulumi/alicloud` users configure in stack config. */
export function oidcRoleFromConfig(config: ConfigSource, env: NodeJS.ProcessEnv): CredentialSource {
  const name = `OIDC role (${OIDC_KEY})`;
  const fail = (reason: string, fix = `correct ${OIDC_KEY}, or \`pulumi config rm ${OIDC_KEY}\` to use another source`) =>
    new CredentialSourceError({ source: name, settings: [OIDC_KEY], reason, fix });
  let provider: CredentialsProvider | undefined;
  return {
    name,
    explicit: Boolean(config.get(OIDC_KEY)),
    load: async () => {
      const role = objectSetting(config, OIDC_KEY, (reason) => fail(reason));
      if (!role) return { absent: "not set" };
      const missing = ["roleArn", "oidcProviderArn"].filter((f) => !text(role, f));
      if (missing.length) throw fail(`its ${missing.join(" and ")} ${missing.length > 1 ? "are" : "is"} not set`);
      if (text(role, "oidcToken")) throw fail("an inline oidcToken is not supported", `write the token to a file and set ${OIDC_KEY}.oidcTokenFile instead`);
      const tokenFile = text(role, "oidcTokenFile") ?? env.ALIBABA_CLOUD_OIDC_TOKEN_FILE;
      if (!tokenFile) throw fail("neither its oidcTokenFile nor ALIBABA_CLOUD_OIDC_TOKEN_FILE is set");
      const unreadable = tokenFileProblem(tokenFile);
      if (unreadable) throw fail(`its token file ${tokenFile} ${unreadable}`, "make the CI job write its OIDC token there before Pulumi runs (GitHub Actions: `permissions: id-token: write`)");
      const sts = stsEndpointOf(env);
      try {
        provider ??= OIDCRoleArnCredentialsProvider.builder()
          .withRoleArn(text(role, "roleArn")!)
          .withOIDCProviderArn(text(role, "oidcProviderArn")!)
          .withOIDCTokenFilePath(tokenFile)
          .withStsEndpoint(sts)
          .withRoleSessionName(text(role, "roleSessionName") ?? "pulumi-cams")
          .build();
        return accessKeyOf(await provider.getCredentials(), name);
      } catch (error) {
        provider = undefined;
        throw fail(`AssumeRoleWithOIDC at ${sts} failed: ${whyProviderFailed(error)}`, "check that the role trusts this OIDC provider and the token's audience, and that STS is reachable");
      }
    },
  };
}

/**
 * `alicloud:assumeRole`: the role `@pulumi/alicloud` users assume with the credentials of the rest of
 * the chain (`base`), or undefined when unset.
 */
export function assumedRole(config: ConfigSource, env: NodeJS.ProcessEnv, base: () => Promise<ResolvedCredentials>): CredentialSource | undefined {
  if (!config.get(ROLE_KEY)) return undefined;
  const name = `assumed role (${ROLE_KEY})`;
  const fail = (reason: string, fix = `correct ${ROLE_KEY}, or \`pulumi config rm ${ROLE_KEY}\` to call CAMS with the base credentials`) =>
    new CredentialSourceError({ source: name, settings: [ROLE_KEY], reason, fix });
  const previous: CredentialsProvider = {
    getCredentials: async () => ({ ...(await base()), providerName: "pulumi-cams" }) as unknown as Awaited<ReturnType<CredentialsProvider["getCredentials"]>>,
    getProviderName: () => "pulumi-cams",
  };
  let provider: CredentialsProvider | undefined;
  return {
    name,
    explicit: true,
    load: async () => {
      const role = objectSetting(config, ROLE_KEY, (reason) => fail(reason))!;
      const roleArn = text(role, "roleArn");
      if (!roleArn) throw fail("its roleArn is not set");
      const sts = stsEndpointOf(env);
      try {
        if (!provider) {
          const builder = RAMRoleARNCredentialsProvider.builder().withCredentialsProvider(previous).withRoleArn(roleArn).withStsEndpoint(sts);
          builder.withRoleSessionName(text(role, "sessionName") ?? "pulumi-cams");
          if (text(role, "policy")) builder.withPolicy(text(role, "policy")!);
          if (text(role, "externalId")) builder.withExternalId(text(role, "externalId")!);
          if (typeof role.sessionExpiration === "number") builder.withDurationSeconds(role.sessionExpiration);
          provider = builder.build();
        }
        return accessKeyOf(await provider.getCredentials(), name);
      } catch (error) {
        provider = undefined;
        if (error instanceof CredentialSourceError || error instanceof CredentialsNotFoundError) throw error;
        throw fail(`AssumeRole at ${sts} failed: ${whyProviderFailed(error)}`, "check that the base credentials may assume the role (its trust policy) and that STS is reachable");
      }
    },
  };
}
