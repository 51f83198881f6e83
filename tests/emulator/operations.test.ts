import { strict as assert } from "node:assert";
import type { CamsEmulator } from "../../emulator";
import { $Cams, camsClient, createCode, expectSdkError, listCodes, PHONE, startEmulator } from "./support/harness";

describe("emulator: the four message QR code operations through the real SDK", () => {
  let emulator: CamsEmulator;

  before(async () => {
    emulator = await startEmulator();
  });
  after(() => emulator.close());
  beforeEach(() => emulator.reset());

  it("creates a code with a 14-character QrdlCode like WhatsApp's, its deep link and an image URL on the emulator", async () => {
    const data = await createCode(camsClient(emulator), { prefilledMessage: "Hi 👋 & = + %", generateQrImage: "SVG" });
    assert.match(data.qrdlCode ?? "", /^[A-Z0-9]{14}$/);
    assert.equal(data.deepLinkUrl, `https://wa.me/message/${data.qrdlCode}`);
    assert.equal(data.qrImageUrl, `${emulator.url}/qr/${data.qrdlCode}.svg`);
    assert.equal(data.phoneNumber, PHONE);
    assert.equal(data.prefilledMessage, "Hi 👋 & = + %", "the message must survive form encoding and signing");
    assert.equal(data.generateQrImage, "SVG");
    assert.deepEqual(
      emulator.codes().map((c) => [c.qrdlCode, c.prefilledMessage]),
      [[data.qrdlCode, "Hi 👋 & = + %"]],
    );
  });

  it("answers success bodies with RequestId as an upper-case UUID, Code and Message OK", async () => {
    const response = await camsClient(emulator).listPhoneMessageQrdl(new $Cams.ListPhoneMessageQrdlRequest({ phoneNumber: PHONE }));
    assert.equal(response.statusCode, 200);
    assert.equal(response.body?.code, "OK");
    assert.equal(response.body?.message, "OK");
    assert.match(response.body?.requestId ?? "", /^[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}$/);
    assert.deepEqual(response.body?.data, []);
  });

  it("lists only the codes of the phone number and space asked for", async () => {
    const client = camsClient(emulator);
    const plain = await createCode(client);
    const inSpace = await createCode(client, { custSpaceId: "cams-space-1" });
    const otherNumber = await createCode(client, { phoneNumber: "8613900000000" });
    assert.deepEqual(await listCodes(client), [plain.qrdlCode]);
    assert.deepEqual(await listCodes(client, PHONE, "cams-space-1"), [inSpace.qrdlCode]);
    assert.deepEqual(await listCodes(client, "8613900000000"), [otherNumber.qrdlCode]);
    assert.deepEqual(await listCodes(client, PHONE, "cams-space-2"), []);
  });

  it("deletes a code so it is no longer listed, and a second delete is InvalidQrdlCode.NotFound (404)", async () => {
    const client = camsClient(emulator);
    const data = await createCode(client);
    const request = new $Cams.DeletePhoneMessageQrdlRequest({ phoneNumber: PHONE, qrdlCode: data.qrdlCode });
    const response = await client.deletePhoneMessageQrdl(request);
    assert.equal(response.body?.code, "OK");
    assert.deepEqual(await listCodes(client), []);
    await expectSdkError(client.deletePhoneMessageQrdl(request), "InvalidQrdlCode.NotFound", 404);
  });

  it("does not delete a code through another space than its own", async () => {
    const client = camsClient(emulator);
    const data = await createCode(client, { custSpaceId: "cams-space-1" });
    await expectSdkError(
      client.deletePhoneMessageQrdl(new $Cams.DeletePhoneMessageQrdlRequest({ phoneNumber: PHONE, qrdlCode: data.qrdlCode })),
      "InvalidQrdlCode.NotFound",
      404,
    );
    assert.equal(emulator.codes().length, 1);
  });

  it("updates a code's message and image type", async () => {
    const client = camsClient(emulator);
    const data = await createCode(client);
    const response = await client.updatePhoneMessageQrdl(
      new $Cams.UpdatePhoneMessageQrdlRequest({ phoneNumber: PHONE, qrdlCode: data.qrdlCode, prefilledMessage: "Bye", generateQrImage: "SVG" }),
    );
    assert.equal(response.body?.data?.prefilledMessage, "Bye");
    assert.equal(response.body?.data?.generateQrImage, "SVG");
    assert.match(response.body?.data?.qrImageUrl ?? "", /\.svg$/);
    assert.deepEqual(emulator.codes().map((c) => c.prefilledMessage), ["Bye"]);
  });

  it("serves the same operations to the RPC HMAC-SHA1 signature (signatureAlgorithm v2)", async () => {
    const client = camsClient(emulator, { signatureAlgorithm: "v2" });
    const data = await createCode(client, { prefilledMessage: "v2 * ~ ! ' ( ) é" });
    assert.equal(data.prefilledMessage, "v2 * ~ ! ' ( ) é");
    assert.deepEqual(await listCodes(client), [data.qrdlCode]);
    await client.deletePhoneMessageQrdl(new $Cams.DeletePhoneMessageQrdlRequest({ phoneNumber: PHONE, qrdlCode: data.qrdlCode }));
    assert.deepEqual(emulator.codes(), []);
  });

  it("records every call with its action, key, status, code and operation parameters", async () => {
    emulator.resetCalls();
    const client = camsClient(emulator);
    await createCode(client);
    await expectSdkError(
      client.deletePhoneMessageQrdl(new $Cams.DeletePhoneMessageQrdlRequest({ phoneNumber: PHONE, qrdlCode: "NOSUCHCODE" })),
      "InvalidQrdlCode.NotFound",
      404,
    );
    const calls = emulator.calls();
    assert.deepEqual(
      calls.map((c) => [c.action, c.accessKeyId, c.httpStatus, c.code]),
      [
        ["CreatePhoneMessageQrdl", "LTAI5tCamsEmulatorDemo", 200, "OK"],
        ["DeletePhoneMessageQrdl", "LTAI5tCamsEmulatorDemo", 404, "InvalidQrdlCode.NotFound"],
      ],
    );
    assert.deepEqual(calls[1].params, { PhoneNumber: PHONE, QrdlCode: "NOSUCHCODE" });
  });
});
