import * as fs from "fs";

/** An AccessKey pair (with an STS token when temporary), and where it came from. */
export interface ResolvedCredentials {
  accessKeyId: string;
  accessKeySecret: string;
  securityToken?: string;
  /** The source that produced it, e.g. `stack config alicloud:accessKey`; never the secret. */
  source: string;
}

/**
 * One place credentials may come from. `load` yields them, or says why the source is absent; a
 * source the user configured that cannot be used throws a CredentialSourceError instead.
 */
export interface CredentialSource {
  name: string;
  /** Whether the user chose this source (set one of its settings), rather than it lying in the home directory. */
  explicit: boolean;
  load(): Promise<ResolvedCredentials | { absent: string }>;
}

/** A credentials provider answered without an AccessKey. */
export class YieldedNoAccessKey extends Error {
  constructor() {
    super("it yielded no AccessKey");
  }
}

/** The AccessKey a provider of `@alicloud/credentials` yielded; one that yields none has failed. */
export function accessKeyOf(c: { accessKeyId?: string; accessKeySecret?: string; securityToken?: string }, source: string): ResolvedCredentials {
  if (!c.accessKeyId || !c.accessKeySecret) throw new YieldedNoAccessKey();
  return { accessKeyId: c.accessKeyId, accessKeySecret: c.accessKeySecret, securityToken: c.securityToken || undefined, source };
}

/** The STS host a role is assumed at, as `@alicloud/credentials` picks it from the environment. */
export function stsEndpointOf(env: NodeJS.ProcessEnv): string {
  const region = env.ALIBABA_CLOUD_STS_REGION;
  if (!region) return "sts.aliyuncs.com";
  return env.ALIBABA_CLOUD_VPC_ENDPOINT_ENABLED?.toLowerCase() === "true" ? `sts-vpc.${region}.aliyuncs.com` : `sts.${region}.aliyuncs.com`;
}

/** Why the OIDC token file cannot be read, or undefined when it can. */
export function tokenFileProblem(file: string): string | undefined {
  try {
    const stat = fs.statSync(file);
    if (!stat.isFile()) return "is not a file";
    fs.accessSync(file, fs.constants.R_OK);
    return stat.size === 0 ? "is empty" : undefined;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "ENOENT" ? "does not exist" : "cannot be read";
  }
}
