import { strict as assert } from "node:assert";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Cams, * as $Cams from "@alicloud/cams20200606";
import * as $OpenApi from "@alicloud/openapi-client";
import { DEMO_CREDENTIAL } from "../../emulator";
import { startCli, type CliProcess } from "./support/cliProcess";
import { PHONE } from "./support/harness";

function client(endpoint: string): Cams {
  return new Cams(new $OpenApi.Config({ ...DEMO_CREDENTIAL, endpoint, protocol: "HTTP", regionId: "ap-southeast-1" }));
}

// Runs `count` calls, `parallel` at a time.
async function inParallel<T>(count: number, parallel: number, call: (i: number) => Promise<T>): Promise<T[]> {
  const results: T[] = [];
  for (let next = 0; next < count; next += parallel) {
    results.push(...(await Promise.all(Array.from({ length: Math.min(parallel, count - next) }, (_, k) => call(next + k)))));
  }
  return results;
}

describe("emulator: two cams-emulator processes on one state file", function () {
  // Each test starts cams-emulator processes, which take seconds to boot on a busy machine.
  this.timeout(120_000);
  let dir: string;
  let running: CliProcess[] = [];

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), "cams-emulator-shared-"));
  });
  afterEach(async () => {
    await Promise.all(running.map((p) => p.stop()));
    running = [];
    rmSync(dir, { recursive: true, force: true });
  });

  it("loses no acknowledged create or delete when both serve at once", async () => {
    const args = ["--port", "0", "--qps", "0", "--state", join(dir, "state.json")];
    running = await Promise.all([startCli(dir, "a", args), startCli(dir, "b", args)]);
    const clients = running.map((p) => client(p.ready.endpoint));
    const create = async (i: number): Promise<string> => {
      const request = new $Cams.CreatePhoneMessageQrdlRequest({ phoneNumber: PHONE, prefilledMessage: `code ${i}`, generateQrImage: "PNG" });
      const response = await clients[i % 2].createPhoneMessageQrdl(request);
      assert.equal(response.body?.code, "OK");
      return response.body?.data?.qrdlCode ?? "";
    };
    const codesInFile = (): string[] =>
      (JSON.parse(readFileSync(join(dir, "state.json"), "utf8")) as { codes: { qrdlCode: string }[] }).codes.map((c) => c.qrdlCode).sort();
    const first = await inParallel(120, 8, create);
    const lostCreates = first.filter((c) => !codesInFile().includes(c));
    assert.equal(lostCreates.length, 0, `${lostCreates.length} of 120 acknowledged creates are missing from the file`);
    const deleted = first.slice(0, 60);
    // Deletes on one side race creates on the other.
    const [, second] = await Promise.all([
      inParallel(deleted.length, 4, async (i) => {
        const request = new $Cams.DeletePhoneMessageQrdlRequest({ phoneNumber: PHONE, qrdlCode: deleted[i] });
        assert.equal((await clients[(i + 1) % 2].deletePhoneMessageQrdl(request)).body?.code, "OK");
      }),
      inParallel(60, 4, (i) => create(120 + i)),
    ]);
    const expected = [...first.slice(60), ...second].sort();
    const inFile = codesInFile();
    const lost = expected.filter((c) => !inFile.includes(c));
    const revived = inFile.filter((c) => deleted.includes(c));
    assert.deepEqual({ lost: lost.length, revived: revived.length }, { lost: 0, revived: 0 }, "acknowledged changes went missing from the file");
    assert.deepEqual(inFile, expected);
    for (const c of clients) {
      const listed = await c.listPhoneMessageQrdl(new $Cams.ListPhoneMessageQrdlRequest({ phoneNumber: PHONE }));
      assert.deepEqual((listed.body?.data ?? []).map((d) => d.qrdlCode).sort(), expected, "both emulators must list the same codes");
    }
  });
});
