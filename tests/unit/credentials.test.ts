import { strict as assert } from "assert";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { CredentialChain } from "../../provider/client/credentials";
import { CredentialSourceError, CredentialsNotFoundError } from "../../provider/errors/configErrors";

/** The developer's own key in ~/.aliyun: what a broken explicit source must never fall through to. */
const DEVELOPER_KEY = { id: "LTAIdeveloperLaptopKey", secret: "developer-laptop-secret-5f2c" };
/** Every secret value any case below sets: none may appear in an error. */
const SECRETS = [DEVELOPER_KEY.secret, "half-set-secret-91ad", "sts-token-value-77e0", "oidc-jwt-value-0b3e"];

let home: string;
const config = (values: Record<string, string>) => ({ get: (key: string) => values[key] });

/** [what is configured, stack config, environment (paths under the fake home), the settings the error must name] */
type Case = [string, Record<string, string>, (home: string) => NodeJS.ProcessEnv, string[]];
const BROKEN: Case[] = [
  ["stack config alicloud:accessKey without alicloud:secretKey", { "alicloud:accessKey": "LTAIconfig" }, () => ({}), ["alicloud:accessKey", "alicloud:secretKey"]],
  ["stack config alicloud:secretKey without alicloud:accessKey", { "alicloud:secretKey": "half-set-secret-91ad" }, () => ({}), ["alicloud:accessKey", "alicloud:secretKey"]],
  ["stack config alicloud:securityToken without a key", { "alicloud:securityToken": "sts-token-value-77e0" }, () => ({}), ["alicloud:securityToken", "alicloud:accessKey"]],
  ["ALIBABA_CLOUD_ACCESS_KEY_ID without its secret", {}, () => ({ ALIBABA_CLOUD_ACCESS_KEY_ID: "LTAIenv" }), ["ALIBABA_CLOUD_ACCESS_KEY_ID", "ALIBABA_CLOUD_ACCESS_KEY_SECRET"]],
  ["ALIBABA_CLOUD_ACCESS_KEY_SECRET without its id", {}, () => ({ ALIBABA_CLOUD_ACCESS_KEY_SECRET: "half-set-secret-91ad" }), ["ALIBABA_CLOUD_ACCESS_KEY_ID"]],
  ["ALIBABA_CLOUD_SECURITY_TOKEN without a key", {}, () => ({ ALIBABA_CLOUD_SECURITY_TOKEN: "sts-token-value-77e0" }), ["ALIBABA_CLOUD_SECURITY_TOKEN", "ALIBABA_CLOUD_ACCESS_KEY_ID"]],
  ["legacy ALICLOUD_SECRET_KEY without ALICLOUD_ACCESS_KEY", {}, () => ({ ALICLOUD_SECRET_KEY: "half-set-secret-91ad" }), ["ALICLOUD_ACCESS_KEY"]],
  ["only ALIBABA_CLOUD_ROLE_ARN of the OIDC trio", {}, () => ({ ALIBABA_CLOUD_ROLE_ARN: "acs:ram::1:role/ci" }), ["ALIBABA_CLOUD_OIDC_PROVIDER_ARN", "ALIBABA_CLOUD_OIDC_TOKEN_FILE"]],
  ["an OIDC token file that does not exist", {}, (h) => ({ ...oidc(h), ALIBABA_CLOUD_OIDC_TOKEN_FILE: path.join(h, "no-such-token") }), ["ALIBABA_CLOUD_OIDC_TOKEN_FILE", "does not exist"]],
  ["an OIDC token file that is a directory", {}, (h) => ({ ...oidc(h), ALIBABA_CLOUD_OIDC_TOKEN_FILE: h }), ["ALIBABA_CLOUD_OIDC_TOKEN_FILE", "is not a file"]],
  ["an empty OIDC token file", {}, (h) => ({ ...oidc(h), ALIBABA_CLOUD_OIDC_TOKEN_FILE: path.join(h, "empty-token") }), ["ALIBABA_CLOUD_OIDC_TOKEN_FILE", "is empty"]],
  ["an OIDC role whose STS exchange fails", {}, (h) => ({ ...oidc(h), ALIBABA_CLOUD_STS_REGION: "no-such-region-0" }), ["OIDC role", "AssumeRoleWithOIDC", "sts.no-such-region-0.aliyuncs.com"]],
  ["alicloud:assumeRoleWithOidc that is not an object", { "alicloud:assumeRoleWithOidc": "oidc-jwt-value-0b3e" }, () => ({}), ["alicloud:assumeRoleWithOidc", "not an object"]],
  ["alicloud:assumeRoleWithOidc without its oidcProviderArn", { "alicloud:assumeRoleWithOidc": JSON.stringify({ roleArn: "acs:ram::1:role/ci" }) }, () => ({}), ["alicloud:assumeRoleWithOidc", "oidcProviderArn"]],
  ["alicloud:assumeRoleWithOidc with an inline token", { "alicloud:assumeRoleWithOidc": JSON.stringify({ roleArn: "r", oidcProviderArn: "p", oidcToken: "oidc-jwt-value-0b3e" }) }, () => ({}), ["alicloud:assumeRoleWithOidc", "oidcTokenFile"]],
  ["alicloud:assumeRoleWithOidc whose token file does not exist", { "alicloud:assumeRoleWithOidc": JSON.stringify({ roleArn: "r", oidcProviderArn: "p", oidcTokenFile: "/nonexistent/token" }) }, () => ({}), ["alicloud:assumeRoleWithOidc", "does not exist"]],
  ["alicloud:assumeRoleWithOidc whose STS exchange fails", { "alicloud:assumeRoleWithOidc": JSON.stringify({ roleArn: "r", oidcProviderArn: "p" }) }, (h) => ({ ALIBABA_CLOUD_OIDC_TOKEN_FILE: path.join(h, "token"), ALIBABA_CLOUD_STS_REGION: "no-such-region-0" }), ["alicloud:assumeRoleWithOidc", "AssumeRoleWithOIDC at sts.no-such-region-0.aliyuncs.com"]],
  ["alicloud:assumeRole without a roleArn", { "alicloud:assumeRole": JSON.stringify({ sessionName: "ci" }), "alicloud:accessKey": "LTAIbase", "alicloud:secretKey": "half-set-secret-91ad" }, () => ({}), ["alicloud:assumeRole", "roleArn"]],
  ["alicloud:assumeRole over a half-set base pair", { "alicloud:assumeRole": JSON.stringify({ roleArn: "acs:ram::1:role/cams" }), "alicloud:accessKey": "LTAIbase" }, () => ({}), ["alicloud:secretKey"]],
  ["alicloud:assumeRole whose STS call fails", { "alicloud:assumeRole": JSON.stringify({ roleArn: "acs:ram::1:role/cams" }), "alicloud:accessKey": "LTAIbase", "alicloud:secretKey": "half-set-secret-91ad" }, () => ({ ALIBABA_CLOUD_STS_REGION: "no-such-region-0" }), ["alicloud:assumeRole", "AssumeRole at sts.no-such-region-0.aliyuncs.com"]],
  ["alicloud:profile naming a profile no file has", { "alicloud:profile": "prod" }, () => ({}), ["alicloud:profile", '"prod"']],
  ["ALIBABA_CLOUD_PROFILE naming a profile no file has", {}, () => ({ ALIBABA_CLOUD_PROFILE: "staging" }), ["ALIBABA_CLOUD_PROFILE", '"staging"']],
  ["ALIBABA_CLOUD_CREDENTIALS_FILE naming a missing file", {}, (h) => ({ ALIBABA_CLOUD_CREDENTIALS_FILE: path.join(h, "nope.ini") }), ["ALIBABA_CLOUD_CREDENTIALS_FILE", "does not exist"]],
  ["ALIBABA_CLOUD_CREDENTIALS_URI that does not answer", {}, () => ({ ALIBABA_CLOUD_CREDENTIALS_URI: "http://127.0.0.1:1/credentials" }), ["ALIBABA_CLOUD_CREDENTIALS_URI", "could not be reached"]],
];

function oidc(h: string): NodeJS.ProcessEnv {
  return {
    ALIBABA_CLOUD_ROLE_ARN: "acs:ram::1:role/ci",
    ALIBABA_CLOUD_OIDC_PROVIDER_ARN: "acs:ram::1:oidc-provider/github",
    ALIBABA_CLOUD_OIDC_TOKEN_FILE: path.join(h, "token"),
  };
}

describe("credentials: a source the user configured that fails is an error, never a fall-through", () => {
  const savedHome = process.env.HOME;
  before(() => {
    home = fs.mkdtempSync(path.join(os.tmpdir(), "cams-dev-home-"));
    fs.mkdirSync(path.join(home, ".aliyun"));
    const profile = { name: "default", mode: "AK", access_key_id: DEVELOPER_KEY.id, access_key_secret: DEVELOPER_KEY.secret };
    fs.writeFileSync(path.join(home, ".aliyun", "config.json"), JSON.stringify({ current: "default", profiles: [profile] }));
    fs.writeFileSync(path.join(home, "token"), "oidc-jwt-value-0b3e");
    fs.writeFileSync(path.join(home, "empty-token"), "");
    process.env.HOME = home;
  });
  after(() => {
    process.env.HOME = savedHome;
    fs.rmSync(home, { recursive: true, force: true });
  });

  it("with nothing configured, the developer's ~/.aliyun profile is used (the fallback the cases below must not reach)", async () => {
    const resolved = await new CredentialChain(config({}), {}).resolve();
    assert.equal(resolved.accessKeyId, DEVELOPER_KEY.id);
  });

  for (const [what, stackConfig, env, named] of BROKEN) {
    it(`${what}: fails naming the source, the setting and the fix, without a secret`, async () => {
      await assert.rejects(new CredentialChain(config(stackConfig), env(home)).resolve(), (e: unknown) => {
        assert.ok(e instanceof CredentialSourceError, `expected a CredentialSourceError, got ${e instanceof Error ? e.message : String(e)}`);
        assert.equal(e.code, "CredentialSourceFailed");
        for (const text of named) assert.ok(e.message.includes(text), `the error does not name ${text}:\n${e.message}`);
        assert.match(e.message, /Fix: /);
        for (const secret of SECRETS) assert.ok(!e.message.includes(secret) && !JSON.stringify(e).includes(secret), `a secret leaked:\n${e.message}`);
        return true;
      });
    });
  }

  it("a named profile found in the shared credentials file is used", async () => {
    const ini = path.join(home, "credentials.ini");
    fs.writeFileSync(ini, "[ci]\ntype = access_key\naccess_key_id = LTAIfromIni\naccess_key_secret = ini-secret\n");
    const saved = process.env.ALIBABA_CLOUD_CREDENTIALS_FILE;
    process.env.ALIBABA_CLOUD_CREDENTIALS_FILE = ini;
    try {
      const resolved = await new CredentialChain(config({ "alicloud:profile": "ci" }), { ALIBABA_CLOUD_CREDENTIALS_FILE: ini }).resolve();
      assert.equal(resolved.accessKeyId, "LTAIfromIni");
    } finally {
      if (saved === undefined) delete process.env.ALIBABA_CLOUD_CREDENTIALS_FILE;
      else process.env.ALIBABA_CLOUD_CREDENTIALS_FILE = saved;
    }
  });

  it("a broken ~/.aliyun/config.json is listed with its reason, never with its contents", async () => {
    const broken = fs.mkdtempSync(path.join(os.tmpdir(), "cams-broken-home-"));
    fs.mkdirSync(path.join(broken, ".aliyun"));
    fs.writeFileSync(path.join(broken, ".aliyun", "config.json"), `{"profiles": [{"access_key_secret": "${DEVELOPER_KEY.secret}"`);
    process.env.HOME = broken;
    try {
      await assert.rejects(new CredentialChain(config({}), {}).resolve(), (e: unknown) => {
        assert.ok(e instanceof CredentialsNotFoundError, String(e));
        assert.match(e.message, /config\.json: the file is not valid JSON/);
        assert.ok(!e.message.includes(DEVELOPER_KEY.secret), e.message);
        return true;
      });
    } finally {
      process.env.HOME = home;
      fs.rmSync(broken, { recursive: true, force: true });
    }
  });

  it("with no source at all, one error lists every source tried", async () => {
    const empty = fs.mkdtempSync(path.join(os.tmpdir(), "cams-empty-home-"));
    process.env.HOME = empty;
    try {
      await assert.rejects(new CredentialChain(config({}), {}).resolve(), CredentialsNotFoundError);
    } finally {
      process.env.HOME = home;
    }
  });
});
