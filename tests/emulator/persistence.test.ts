import { strict as assert } from "node:assert";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { CamsEmulator } from "../../emulator";
import { $Cams, camsClient, createCode, listCodes, PHONE, startEmulator } from "./support/harness";

describe("emulator: state file shared by emulator runs", () => {
  let dir: string;
  let stateFile: string;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), "cams-emulator-state-"));
    stateFile = join(dir, "nested", "state.json");
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it("persists every change atomically, leaving only the state file behind", async () => {
    const emulator = await startEmulator({ stateFile });
    try {
      const data = await createCode(camsClient(emulator));
      const saved = JSON.parse(readFileSync(stateFile, "utf8")) as { version: number; codes: { qrdlCode: string }[] };
      assert.equal(saved.version, 1);
      assert.deepEqual(saved.codes.map((c) => c.qrdlCode), [data.qrdlCode]);
      assert.deepEqual(readdirSync(join(dir, "nested")), ["state.json"], "no temp file may be left behind");
    } finally {
      await emulator.close();
    }
  });

  it("loads the codes a previous run saved", async () => {
    const first = await startEmulator({ stateFile });
    const data = await createCode(camsClient(first));
    await first.close();
    const second = await startEmulator({ stateFile });
    try {
      assert.deepEqual(await listCodes(camsClient(second)), [data.qrdlCode]);
      assert.equal(second.codes()[0].qrImageUrl, `${second.url}/qr/${data.qrdlCode}.png`, "image URLs follow the current address");
    } finally {
      await second.close();
    }
  });

  it("lets two running emulators take turns on one file, each seeing the other's changes", async () => {
    const a = await startEmulator({ stateFile });
    const b = await startEmulator({ stateFile });
    try {
      const created = await createCode(camsClient(a));
      assert.deepEqual(await listCodes(camsClient(b)), [created.qrdlCode], "b must reload what a wrote");
      await camsClient(b).deletePhoneMessageQrdl(new $Cams.DeletePhoneMessageQrdlRequest({ phoneNumber: PHONE, qrdlCode: created.qrdlCode }));
      assert.deepEqual(await listCodes(camsClient(a)), [], "a must reload b's delete");
      assert.deepEqual(a.codes(), []);
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  });

  it("refuses to start on a file that is not emulator state, instead of overwriting it", async () => {
    writeFileSync(join(dir, "bad.json"), JSON.stringify({ version: 1, codes: [{ qrdlCode: 1 }] }));
    await assert.rejects(CamsEmulator.start({ stateFile: join(dir, "bad.json") }), /is not a CAMS emulator state/);
  });
});
