import { strict as assert } from "node:assert";
import type { CamsEmulator, EmulatorBehaviour } from "../../emulator";
import { signAcs3 } from "./support/acs3Signer";
import { $Cams, camsClient, createCode, expectSdkError, listCodes, PHONE, startEmulator } from "./support/harness";
import { send } from "./support/rawHttp";

describe("emulator: CAMS business errors, configurable per test", () => {
  let emulator: CamsEmulator;
  let started: EmulatorBehaviour;

  before(async () => {
    emulator = await startEmulator();
    started = emulator.behaviour();
  });
  after(() => emulator.close());
  beforeEach(() => {
    emulator.reset();
    emulator.configure(started);
  });

  it("answers every call with Product.Unsubscript (400) when the product is not subscribed", async () => {
    emulator.configure({ unsubscribed: true });
    const client = camsClient(emulator);
    await expectSdkError(listCodes(client), "Product.Unsubscript", 400);
    await expectSdkError(createCode(client), "Product.Unsubscript", 400);
    assert.deepEqual(emulator.codes(), []);
  });

  it("denies only the listed RAM action with Ram.PermissionDeny and an AccessDeniedDetail JSON string", async () => {
    emulator.configure({ deniedActions: ["cams:UpdatePhoneMessageQrdl"] });
    const client = camsClient(emulator);
    const data = await createCode(client);
    const error = await expectSdkError(
      client.updatePhoneMessageQrdl(
        new $Cams.UpdatePhoneMessageQrdlRequest({ phoneNumber: PHONE, qrdlCode: data.qrdlCode, prefilledMessage: "x", generateQrImage: "PNG" }),
      ),
      "Ram.PermissionDeny",
      400,
    );
    assert.equal(typeof error.accessDeniedDetail, "string");
    const detail = JSON.parse(error.accessDeniedDetail ?? "{}") as Record<string, string>;
    assert.equal(detail.AuthAction, "cams:UpdatePhoneMessageQrdl");
    assert.equal(detail.NoPermissionType, "ImplicitDeny");
    for (const field of ["AuthPrincipalType", "AuthPrincipalDisplayName", "PolicyType", "EncodedDiagnosticMessage"]) {
      assert.ok(detail[field], `AccessDeniedDetail lacks ${field}`);
    }
    assert.equal(emulator.codes()[0].prefilledMessage, "Hello", "a denied update must not change the code");
  });

  it("answers Unknown.ResourceOwnerId for a phone number or space the caller does not own", async () => {
    emulator.configure({ ownedPhoneNumbers: [PHONE], ownedSpaceIds: ["cams-mine"] });
    const client = camsClient(emulator);
    await createCode(client);
    await createCode(client, { custSpaceId: "cams-mine" });
    await expectSdkError(createCode(client, { phoneNumber: "8613900000000" }), "Unknown.ResourceOwnerId", 400);
    await expectSdkError(listCodes(client, PHONE, "cams-theirs"), "Unknown.ResourceOwnerId", 400);
  });

  it("refuses a code beyond maxCodesPerNumber with QrdlCode.QuotaExceeded, counting every space of the number", async () => {
    emulator.configure({ maxCodesPerNumber: 2 });
    const client = camsClient(emulator);
    await createCode(client);
    await createCode(client, { custSpaceId: "cams-space-1" });
    const error = await expectSdkError(createCode(client), "QrdlCode.QuotaExceeded", 400);
    assert.match(error.message, /already has 2 message QR codes/);
    await createCode(client, { phoneNumber: "8613900000000" });
    assert.equal(emulator.codes().length, 3);
  });

  it("sends business errors as HTTP 200 with Code other than OK when businessErrorsAsHttp200 is set", async () => {
    emulator.configure({ businessErrorsAsHttp200: true, deniedActions: ["cams:CreatePhoneMessageQrdl"] });
    const response = await camsClient(emulator).createPhoneMessageQrdl(
      new $Cams.CreatePhoneMessageQrdlRequest({ phoneNumber: PHONE, prefilledMessage: "Hi", generateQrImage: "PNG" }),
    );
    assert.equal(response.statusCode, 200);
    assert.equal(response.body?.code, "Ram.PermissionDeny");
    assert.equal(response.body?.data, undefined);
    assert.deepEqual(emulator.codes(), [], "a refused create must not create a code");
    const { headers, body } = signAcs3({ host: emulator.endpoint, action: "CreatePhoneMessageQrdl", params: { PhoneNumber: PHONE, PrefilledMessage: "Hi", GenerateQrImage: "PNG" } });
    const raw = await send(emulator.url, { method: "POST", headers, body });
    assert.equal(raw.status, 200);
    assert.equal(JSON.parse(String(raw.json?.AccessDeniedDetail)).AuthAction, "cams:CreatePhoneMessageQrdl");
  });

  it("keeps gateway errors (signature, validation) as HTTP 4xx even in businessErrorsAsHttp200 mode", async () => {
    emulator.configure({ businessErrorsAsHttp200: true });
    await expectSdkError(createCode(camsClient(emulator), { generateQrImage: "GIF" }), "InvalidParameter", 400);
  });
});
