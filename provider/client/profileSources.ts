import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { CLIProfileCredentialsProvider, CredentialsProvider, ProfileCredentialsProvider } from "@alicloud/credentials";
import { CredentialSourceError } from "../errors/configErrors";
import { isMissingProfile, whyProviderFailed } from "./credentialFailures";
import { CredentialSource, accessKeyOf } from "./credentialSource";
import { ConfigSource } from "./settings";

/** A profile the user named, and the setting that named it. */
interface NamedProfile {
  name: string;
  setting: "alicloud:profile" | "ALIBABA_CLOUD_PROFILE";
}

/**
 * The CLI profile file, the shared credentials file, then a check that a profile the user named was
 * found in one of them. A named profile or a named file is a choice: failing to use it is an error.
 */
export function profileSources(config: ConfigSource, env: NodeJS.ProcessEnv): CredentialSource[] {
  const named = namedProfile(config, env);
  const cliFile = path.join(os.homedir(), ".aliyun", "config.json");
  const sharedFile = env.ALIBABA_CLOUD_CREDENTIALS_FILE || path.join(os.homedir(), ".alibabacloud", "credentials");
  const fileSetting = env.ALIBABA_CLOUD_CREDENTIALS_FILE ? "ALIBABA_CLOUD_CREDENTIALS_FILE" : undefined;
  return [
    env.ALIBABA_CLOUD_CLI_PROFILE_DISABLED?.toLowerCase() === "true"
      ? { name: "CLI profile in ~/.aliyun/config.json", explicit: false, load: async () => ({ absent: "ALIBABA_CLOUD_CLI_PROFILE_DISABLED is true" }) }
      : fileSource(`CLI profile ${named?.name ?? "(current)"} in ~/.aliyun/config.json`, cliFile, named, undefined, () =>
          named ? CLIProfileCredentialsProvider.builder().withProfileName(named.name).build() : CLIProfileCredentialsProvider.builder().build(),
        ),
    fileSource(`shared credentials file (ALIBABA_CLOUD_CREDENTIALS_FILE or ~/.alibabacloud/credentials)`, sharedFile, named, fileSetting, () =>
      ProfileCredentialsProvider.builder().withProfileName(named?.name ?? "default").build(),
    ),
    {
      name: "named profile (alicloud:profile or ALIBABA_CLOUD_PROFILE)",
      explicit: named !== undefined,
      load: async () => {
        if (!named) return { absent: "not set" };
        throw new CredentialSourceError({
          source: `profile "${named.name}"`,
          settings: [named.setting],
          reason: `neither ~/.aliyun/config.json nor ${sharedFile} has a usable profile of that name`,
          fix: `create it (\`aliyun configure --profile ${named.name}\`), or correct or remove ${named.setting}`,
        });
      },
    },
  ];
}

function namedProfile(config: ConfigSource, env: NodeJS.ProcessEnv): NamedProfile | undefined {
  const fromConfig = config.get("alicloud:profile");
  if (fromConfig) return { name: fromConfig, setting: "alicloud:profile" };
  return env.ALIBABA_CLOUD_PROFILE ? { name: env.ALIBABA_CLOUD_PROFILE, setting: "ALIBABA_CLOUD_PROFILE" } : undefined;
}

/**
 * A credentials file. Absent when it does not exist (unless `fileSetting` names it), or when it
 * lacks a named profile (the next file may have it); any other failure of a chosen file or profile
 * is an error, and an unchosen file that fails is passed over with its reason.
 */
function fileSource(name: string, file: string, named: NamedProfile | undefined, fileSetting: string | undefined, make: () => CredentialsProvider): CredentialSource {
  let provider: CredentialsProvider | undefined;
  const fail = (reason: string, fix: string) =>
    new CredentialSourceError({ source: name, settings: [fileSetting, named?.setting].filter((s): s is string => s !== undefined), reason, fix });
  return {
    name,
    explicit: named !== undefined || fileSetting !== undefined,
    load: async () => {
      if (!fs.existsSync(file)) {
        if (fileSetting) throw fail(`${fileSetting} names ${file}, which does not exist`, `correct ${fileSetting}, or unset it to use another source`);
        return { absent: "the file does not exist" };
      }
      try {
        provider ??= make();
        return accessKeyOf(await provider.getCredentials(), name);
      } catch (error) {
        provider = undefined;
        const reason = whyProviderFailed(error);
        if (named && isMissingProfile(error)) return { absent: reason };
        if (named || fileSetting) throw fail(`${file}: ${reason}`, `repair the file, or remove ${[fileSetting, named?.setting].filter(Boolean).join(" and ")} to use another source`);
        return { absent: reason };
      }
    },
  };
}
