import { strict as assert } from "node:assert";
import { DEFAULT_BEHAVIOUR, type CamsEmulator, type QrdlRecord } from "../../emulator";
import { $Cams, camsClient, createCode, expectSdkError, listCodes, PHONE, startEmulator } from "./support/harness";
import { send } from "./support/rawHttp";

describe("emulator: admin API under /_emulator/", () => {
  let emulator: CamsEmulator;

  before(async () => {
    emulator = await startEmulator();
  });
  after(() => emulator.close());
  beforeEach(() => emulator.reset());

  const admin = (method: string, path: string, body?: unknown) =>
    send(emulator.url, {
      method,
      path: `/_emulator/${path}`,
      headers: method === "POST" || method === "PATCH" ? { "content-type": "application/json" } : {},
      body: body === undefined ? undefined : JSON.stringify(body),
    });

  it("reports health with the endpoint to use", async () => {
    const response = await admin("GET", "health");
    assert.equal(response.status, 200);
    assert.deepEqual(response.json, { status: "ok", url: emulator.url, endpoint: emulator.endpoint, codes: 0 });
  });

  it("lists codes, and edits one out of band so the API reports the drift with the same QrdlCode", async () => {
    const data = await createCode(camsClient(emulator));
    const codes = (await admin("GET", "codes")).json as unknown as QrdlRecord[];
    assert.deepEqual(codes.map((c) => c.qrdlCode), [data.qrdlCode]);
    const edited = await admin("PATCH", `codes/${PHONE}/${data.qrdlCode}`, { prefilledMessage: "Changed in the console", generateQrImage: "SVG" });
    assert.equal(edited.status, 200, JSON.stringify(edited.json));
    assert.equal(edited.json?.qrdlCode, data.qrdlCode);
    const listed = await camsClient(emulator).listPhoneMessageQrdl(new $Cams.ListPhoneMessageQrdlRequest({ phoneNumber: PHONE }));
    assert.deepEqual(
      listed.body?.data?.map((d) => [d.qrdlCode, d.prefilledMessage, d.generateQrImage]),
      [[data.qrdlCode, "Changed in the console", "SVG"]],
    );
  });

  it("refuses an edit the API itself would refuse (400) and an unknown code (404)", async () => {
    const data = await createCode(camsClient(emulator));
    const tooLong = await admin("PATCH", `codes/${PHONE}/${data.qrdlCode}`, { prefilledMessage: "x".repeat(141) });
    assert.equal(tooLong.status, 400);
    assert.equal(tooLong.json?.Code, "InvalidParameter");
    const unknown = await admin("PATCH", `codes/${PHONE}/NOSUCHCODE`, { prefilledMessage: "x" });
    assert.equal(unknown.status, 404);
    const otherNumber = await admin("DELETE", `codes/8613900000000/${data.qrdlCode}`);
    assert.equal(otherNumber.status, 404, "a code is addressed through its own phone number only");
  });

  it("deletes a code out of band so the API no longer lists it", async () => {
    const data = await createCode(camsClient(emulator));
    const response = await admin("DELETE", `codes/${PHONE}/${data.qrdlCode}`);
    assert.equal(response.status, 200);
    assert.deepEqual(await listCodes(camsClient(emulator)), []);
  });

  it("shows and clears the call log", async () => {
    await listCodes(camsClient(emulator));
    const calls = (await admin("GET", "calls")).json as unknown as { action: string }[];
    assert.equal(calls.at(-1)?.action, "ListPhoneMessageQrdl");
    assert.equal((await admin("DELETE", "calls")).status, 200);
    assert.deepEqual((await admin("GET", "calls")).json, []);
  });

  it("changes behaviour with PATCH, merging faults field by field, and refuses invalid values with 400", async () => {
    const patched = await admin("PATCH", "behaviour", { unsubscribed: true, faults: { latencyMs: 1 } });
    try {
      assert.equal(patched.status, 200);
      assert.deepEqual((await admin("GET", "behaviour")).json, {
        ...DEFAULT_BEHAVIOUR,
        qpsPerAccessKey: 0,
        unsubscribed: true,
        faults: { ...DEFAULT_BEHAVIOUR.faults, latencyMs: 1 },
      });
      await expectSdkError(listCodes(camsClient(emulator)), "Product.Unsubscript", 400);
      const invalid = await admin("PATCH", "behaviour", { faults: { errorRate: 2 }, colour: "blue" });
      assert.equal(invalid.status, 400);
      assert.match(String(invalid.json?.Message), /colour/);
      assert.match(String(invalid.json?.Message), /errorRate/);
    } finally {
      emulator.configure({ unsubscribed: false, faults: { latencyMs: 0 } });
    }
  });

  it("forgets every code on POST reset", async () => {
    await createCode(camsClient(emulator));
    assert.equal((await admin("POST", "reset")).status, 200);
    assert.deepEqual(emulator.codes(), []);
  });

  it("answers 400 for a body that is not JSON, 415 for another content type, 404 for unknown resources and 405 for wrong methods", async () => {
    const notJson = await send(emulator.url, { method: "PATCH", path: "/_emulator/behaviour", headers: { "content-type": "application/json" }, body: "{nope" });
    assert.equal(notJson.status, 400);
    const form = await send(emulator.url, { method: "PATCH", path: "/_emulator/behaviour", headers: { "content-type": "text/plain" }, body: "{}" });
    assert.equal(form.status, 415);
    assert.equal((await admin("GET", "nothing-here")).status, 404);
    assert.equal((await admin("POST", "codes")).status, 405);
  });
});
