import { strict as assert } from "assert";
import { CamsEmulator, DEMO_CREDENTIAL } from "../../emulator";
import { CamsClient } from "../../provider/client/camsClient";
import { CredentialChain } from "../../provider/client/credentials";
import { CamsError } from "../../provider/errors/camsError";
import { FAST_RETRY, stackConfig } from "./fixtures";

const STS = { accessKeyId: "STS.ProviderTemp", accessKeySecret: "sts-provider-secret", securityToken: "sts-provider-token" };
const PHONE = "8615800000000";

/** A client of the emulator with the given credentials in stack config. */
function clientWith(emulator: CamsEmulator, credentials: { accessKeyId: string; accessKeySecret: string; securityToken?: string }): CamsClient {
  const config = stackConfig({
    "alicloud:accessKey": credentials.accessKeyId,
    "alicloud:secretKey": credentials.accessKeySecret,
    ...(credentials.securityToken ? { "alicloud:securityToken": credentials.securityToken } : {}),
  });
  return new CamsClient(
    { regionId: "ap-southeast-1", endpoint: emulator.endpoint, protocol: "HTTP", maxCallsPerSecond: 1000, timeoutMs: 5000, connectTimeoutMs: 5000 },
    new CredentialChain(config, {}),
    FAST_RETRY,
  );
}

describe("calls are signed the way CAMS verifies them", () => {
  let emulator: CamsEmulator;
  before(async () => {
    emulator = await CamsEmulator.start({ credentials: [DEMO_CREDENTIAL, STS], behaviour: { qpsPerAccessKey: 0 } });
  });
  after(() => emulator.close());

  it("a message with characters the form encoding must escape arrives exactly as written", async () => {
    const message = "Hi! (50% off) a+b=c & 'quoted' *star* ~tilde~ 你好 👋\nnew line";
    const made = await clientWith(emulator, DEMO_CREDENTIAL).createQrdl({ phoneNumber: PHONE, prefilledMessage: message, generateQrImage: "PNG" });
    assert.equal(emulator.codes().find((c) => c.qrdlCode === made.qrdlCode)?.prefilledMessage, message);
    assert.equal(made.prefilledMessage, message);
  });

  it("temporary credentials carry their security token and are accepted", async () => {
    const listed = await clientWith(emulator, STS).listQrdls({ phoneNumber: PHONE, custSpaceId: "space-1" });
    assert.ok(Array.isArray(listed));
  });

  it("temporary credentials with another token are refused as such, not retried", async () => {
    await assert.rejects(clientWith(emulator, { ...STS, securityToken: "stolen" }).listQrdls({ phoneNumber: PHONE }), (e: unknown) => {
      assert.ok(e instanceof CamsError, String(e));
      assert.match(e.code, /SecurityToken/);
      assert.equal(e.outcome, "refused");
      assert.equal(e.attempts, 1);
      return true;
    });
  });
});
