import { strict as assert } from "assert";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { DEMO_CREDENTIAL, type BehaviourPatch } from "../../emulator";
import { CamsError } from "../../provider/errors/camsError";
import { CredentialsNotFoundError } from "../../provider/errors/configErrors";
import { QrdlProvider } from "../../provider/lifecycle/provider";
import { FAST_RETRY, UNLIMITED, inputs, providerFor, stackConfig, useEmulator } from "./fixtures";

/** [documented code, how to make the emulator answer it, what the hint must say] */
const DOCUMENTED: Array<[string, BehaviourPatch, RegExp]> = [
  ["Product.Unsubscript", { unsubscribed: true }, /activate Chat App Message Service/],
  ["Ram.PermissionDeny", { deniedActions: ["cams:CreatePhoneMessageQrdl"] }, /"cams:CreatePhoneMessageQrdl"/],
  ["Unknown.ResourceOwnerId", { ownedPhoneNumbers: ["8613900000000"] }, /does not belong to this account/],
];

describe("CAMS errors as typed values", () => {
  const emulator = useEmulator({ qpsPerAccessKey: 0 });

  for (const asHttp200 of [false, true]) {
    for (const [code, behaviour, hint] of DOCUMENTED) {
      it(`${code}${asHttp200 ? " in an HTTP 200 body" : ""} becomes a CamsError with code, request id, status and hint`, async () => {
        emulator().configure({ ...behaviour, businessErrorsAsHttp200: asHttp200 });
        await assert.rejects(providerFor(emulator()).create(inputs()), (e: unknown) => {
          assert.ok(e instanceof CamsError, `expected a CamsError, got ${String(e)}`);
          assert.equal(e.code, code);
          assert.equal(e.httpStatus, asHttp200 ? 200 : 400);
          assert.match(e.requestId ?? "", /^[0-9A-F-]{36}$/);
          assert.match(e.hint ?? "", hint);
          // The first call for a number is the listing that guards against duplicates.
          assert.match(e.message, new RegExp(`(List|Create)PhoneMessageQrdl failed with ${code.replace(".", "\\.")}`));
          return true;
        });
        assert.equal(emulator().codes().length, 0, "nothing was created");
      });
    }
  }

  it("Ram.PermissionDeny carries the AccessDeniedDetail and names the action of the failed operation", async () => {
    const provider = providerFor(emulator());
    const { id, outs } = await provider.create(inputs());
    emulator().configure({ deniedActions: ["cams:UpdatePhoneMessageQrdl"] });
    await assert.rejects(provider.update(id, outs!, inputs({ prefilledMessage: "x" })), (e: unknown) => {
      assert.ok(e instanceof CamsError);
      assert.equal(e.code, "Ram.PermissionDeny");
      assert.match(e.accessDeniedDetail ?? "", /UpdatePhoneMessageQrdl/);
      assert.match(e.hint ?? "", /"cams:UpdatePhoneMessageQrdl"/);
      return true;
    });
  });

  it("the 2,000-codes-per-number quota is reported with a hint", async () => {
    emulator().configure({ maxCodesPerNumber: 1 });
    const provider = providerFor(emulator());
    await provider.create(inputs());
    await assert.rejects(provider.create(inputs()), (e: unknown) => e instanceof CamsError && e.code === "QrdlCode.QuotaExceeded" && /2,000/.test(e.hint ?? ""));
  });

  it("a wrong secret gives a clear authentication error that never shows the secret", async () => {
    const wrongSecret = "definitely-not-the-secret-41b7";
    const provider = new QrdlProvider({
      config: stackConfig({ "cams:endpoint": emulator().endpoint, "cams:protocol": "HTTP", "alicloud:accessKey": DEMO_CREDENTIAL.accessKeyId, "alicloud:secretKey": wrongSecret, ...UNLIMITED }),
      env: {},
      retry: FAST_RETRY,
    });
    await assert.rejects(provider.create(inputs()), (e: unknown) => {
      assert.ok(e instanceof CamsError);
      assert.equal(e.code, "SignatureDoesNotMatch");
      assert.match(e.hint ?? "", /AccessKey secret is wrong/);
      assert.ok(!e.message.includes(wrongSecret) && !JSON.stringify(e).includes(wrongSecret), "secret leaked into the error");
      assert.equal(e.attempts, 1, "authentication errors are not retried");
      return true;
    });
  });

  it("an unknown AccessKey id says so", async () => {
    const provider = new QrdlProvider({
      config: stackConfig({ "cams:endpoint": emulator().endpoint, "cams:protocol": "HTTP", ...UNLIMITED }),
      env: { ALIBABA_CLOUD_ACCESS_KEY_ID: "LTAIunknown", ALIBABA_CLOUD_ACCESS_KEY_SECRET: "whatever" },
      retry: FAST_RETRY,
    });
    await assert.rejects(provider.create(inputs()), (e: unknown) => e instanceof CamsError && e.code === "InvalidAccessKeyId.NotFound" && /AccessKey id is unknown/.test(e.hint ?? ""));
  });

  describe("with no credentials anywhere", () => {
    const savedHome = process.env.HOME;
    before(() => {
      process.env.HOME = fs.mkdtempSync(path.join(os.tmpdir(), "cams-empty-home-"));
    });
    after(() => {
      process.env.HOME = savedHome;
    });

    it("fails before any call with one error listing every source tried", async () => {
      emulator().resetCalls();
      const provider = new QrdlProvider({ config: stackConfig({ "cams:endpoint": emulator().endpoint, "cams:protocol": "HTTP" }), env: {} });
      await assert.rejects(provider.create(inputs()), (e: unknown) => {
        assert.ok(e instanceof CredentialsNotFoundError);
        for (const source of ["alicloud:accessKey", "ALIBABA_CLOUD_ACCESS_KEY_ID", "ALICLOUD_ACCESS_KEY", "OIDC role", "~/.aliyun/config.json", "ALIBABA_CLOUD_ECS_METADATA"]) {
          assert.ok(e.message.includes(source), `the error does not mention ${source}:\n${e.message}`);
        }
        assert.match(e.message, /pulumi config set --secret alicloud:secretKey/);
        return true;
      });
      assert.equal(emulator().calls().length, 0);
    });
  });

  it("stack config credentials win over environment variables, and legacy ALICLOUD_* names work", async () => {
    const fromConfig = new QrdlProvider({
      config: stackConfig({ "cams:endpoint": emulator().endpoint, "cams:protocol": "HTTP", "alicloud:accessKey": DEMO_CREDENTIAL.accessKeyId, "alicloud:secretKey": DEMO_CREDENTIAL.accessKeySecret, ...UNLIMITED }),
      env: { ALIBABA_CLOUD_ACCESS_KEY_ID: "LTAIwrong", ALIBABA_CLOUD_ACCESS_KEY_SECRET: "wrong" },
      retry: FAST_RETRY,
    });
    await fromConfig.create(inputs());
    const legacy = new QrdlProvider({
      config: stackConfig({ "cams:endpoint": emulator().endpoint, "cams:protocol": "HTTP", ...UNLIMITED }),
      env: { ALICLOUD_ACCESS_KEY: DEMO_CREDENTIAL.accessKeyId, ALICLOUD_SECRET_KEY: DEMO_CREDENTIAL.accessKeySecret },
      retry: FAST_RETRY,
    });
    await legacy.create(inputs());
    assert.equal(emulator().codes().length, 2);
  });
});
