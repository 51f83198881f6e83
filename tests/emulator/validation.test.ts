import { strict as assert } from "node:assert";
import type { CamsEmulator } from "../../emulator";
import { $Cams, camsClient, createCode, expectSdkError, PHONE, startEmulator } from "./support/harness";

describe("emulator: parameter validation", () => {
  let emulator: CamsEmulator;

  before(async () => {
    emulator = await startEmulator();
  });
  after(() => emulator.close());

  it("answers MissingParameter (400) naming the first absent required parameter", async () => {
    const client = camsClient(emulator);
    const error = await expectSdkError(
      client.createPhoneMessageQrdl(new $Cams.CreatePhoneMessageQrdlRequest({ phoneNumber: PHONE, generateQrImage: "PNG" })),
      "MissingParameter",
      400,
    );
    assert.match(error.message, /The input parameter "PrefilledMessage" that is mandatory for processing this request is not supplied\./);
    const noCode = await expectSdkError(
      client.deletePhoneMessageQrdl(new $Cams.DeletePhoneMessageQrdlRequest({ phoneNumber: PHONE })),
      "MissingParameter",
      400,
    );
    assert.match(noCode.message, /"QrdlCode"/);
  });

  it("accepts 140 characters counted as code points (emoji are one each) and refuses 141 with InvalidParameter", async () => {
    const client = camsClient(emulator);
    const data = await createCode(client, { prefilledMessage: "😀".repeat(140) });
    assert.equal([...(data.prefilledMessage ?? "")].length, 140);
    const error = await expectSdkError(createCode(client, { prefilledMessage: "a".repeat(141) }), "InvalidParameter", 400);
    assert.match(error.message, /"PrefilledMessage".*141 characters/);
  });

  it("refuses an empty PrefilledMessage with InvalidParameter", async () => {
    const error = await expectSdkError(createCode(camsClient(emulator), { prefilledMessage: "" }), "InvalidParameter", 400);
    assert.match(error.message, /"PrefilledMessage"/);
  });

  it("refuses a GenerateQrImage other than PNG or SVG with InvalidParameter naming it", async () => {
    const error = await expectSdkError(createCode(camsClient(emulator), { generateQrImage: "JPG" }), "InvalidParameter", 400);
    assert.match(error.message, /"GenerateQrImage".*PNG or SVG/);
  });

  for (const phoneNumber of ["+8615800000000", "12345", "123456789012345678901", "86 158"]) {
    it(`refuses PhoneNumber ${JSON.stringify(phoneNumber)} with InvalidParameter`, async () => {
      const error = await expectSdkError(createCode(camsClient(emulator), { phoneNumber }), "InvalidParameter", 400);
      assert.match(error.message, /"PhoneNumber"/);
    });
  }
});
