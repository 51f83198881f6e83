import { strict as assert } from "node:assert";
import type { CamsEmulator } from "../../emulator";
import { $Cams, camsClient, createCode, expectSdkError, listCodes, PHONE, startEmulator } from "./support/harness";

function updateRequest(qrdlCode: string | undefined, prefilledMessage: string): $Cams.UpdatePhoneMessageQrdlRequest {
  return new $Cams.UpdatePhoneMessageQrdlRequest({ phoneNumber: PHONE, qrdlCode, prefilledMessage, generateQrImage: "PNG" });
}

describe("emulator: UpdatePhoneMessageQrdl update modes", () => {
  let emulator: CamsEmulator;

  before(async () => {
    emulator = await startEmulator();
  });
  after(() => emulator.close());
  beforeEach(() => emulator.reset());

  it('"reissue" (the default, as the vendor page says) returns a new QrdlCode and the old one disappears', async () => {
    assert.equal(emulator.behaviour().updateMode, "reissue");
    const client = camsClient(emulator);
    const original = await createCode(client);
    const response = await client.updatePhoneMessageQrdl(updateRequest(original.qrdlCode, "New text"));
    const reissued = response.body?.data;
    assert.ok(reissued?.qrdlCode);
    assert.notEqual(reissued.qrdlCode, original.qrdlCode, "reissue must hand out a different code");
    assert.equal(reissued.deepLinkUrl, `https://wa.me/message/${reissued.qrdlCode}`);
    assert.deepEqual(await listCodes(client), [reissued.qrdlCode]);
    await expectSdkError(client.updatePhoneMessageQrdl(updateRequest(original.qrdlCode, "Again")), "InvalidQrdlCode.NotFound", 404);
  });

  it('"keep" (Meta\'s behaviour) keeps the QrdlCode and deep link and changes the message', async () => {
    emulator.configure({ updateMode: "keep" });
    try {
      const client = camsClient(emulator);
      const original = await createCode(client);
      const response = await client.updatePhoneMessageQrdl(updateRequest(original.qrdlCode, "Kept"));
      assert.equal(response.body?.data?.qrdlCode, original.qrdlCode);
      assert.equal(response.body?.data?.deepLinkUrl, original.deepLinkUrl);
      assert.equal(response.body?.data?.prefilledMessage, "Kept");
      assert.deepEqual(await listCodes(client), [original.qrdlCode]);
    } finally {
      emulator.configure({ updateMode: "reissue" });
    }
  });

  it("refuses to update an unknown code with InvalidQrdlCode.NotFound", async () => {
    await expectSdkError(camsClient(emulator).updatePhoneMessageQrdl(updateRequest("UNKNOWN1234", "x")), "InvalidQrdlCode.NotFound", 404);
  });
});
