import { strict as assert } from "node:assert";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { CamsEmulator } from "../../emulator";
import { camsClient, expectSdkError, listCodes, startEmulator } from "./support/harness";
import { send } from "./support/rawHttp";

describe("emulator: a state file corrupted while it runs", () => {
  let dir: string;
  let emulator: CamsEmulator;

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), "cams-emulator-corrupt-"));
    emulator = await startEmulator({ stateFile: join(dir, "state.json") });
    writeFileSync(join(dir, "state.json"), "{ half a file");
  });
  after(async () => {
    await emulator.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("answers API calls, signed or not, with a 500 InternalError carrying a RequestId and naming the file", async () => {
    const error = await expectSdkError(listCodes(camsClient(emulator)), "InternalError", 500);
    assert.match(error.message, /state\.json is not JSON/);
    const unsigned = await send(emulator.url, { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body: "PhoneNumber=1" });
    assert.equal(unsigned.status, 500);
    assert.match(String(unsigned.json?.RequestId), /^[0-9A-F-]{36}$/);
    assert.equal(unsigned.headers["x-acs-request-id"], unsigned.json?.RequestId);
  });

  it("answers the admin API with a JSON error carrying a RequestId, and health still answers", async () => {
    const codes = await send(emulator.url, { path: "/_emulator/codes" });
    assert.equal(codes.status, 500);
    assert.match(String(codes.json?.Message), /state\.json is not JSON/);
    assert.match(String(codes.json?.RequestId), /^[0-9A-F-]{36}$/);
    assert.equal((await send(emulator.url, { path: "/_emulator/behaviour" })).status, 200);
  });
});
