import { strict as assert } from "node:assert";
import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { CamsEmulator } from "../../emulator";
import { signAcs3 } from "./support/acs3Signer";
import { signHmacSha1 } from "./support/hmacSha1Signer";
import { PHONE, startEmulator } from "./support/harness";
import { send, type RawResponse } from "./support/rawHttp";

const MINUTE = 60_000;
const START = Date.parse("2026-01-15T12:00:00Z");
const FORM = { "content-type": "application/x-www-form-urlencoded" };

const iso = (ms: number): string => new Date(ms).toISOString().replace(/\.\d{3}Z$/, "Z");

/** One captured request of each signing scheme, to be sent again byte for byte. */
type Scheme = "ACS3-HMAC-SHA256" | "HMAC-SHA1";
interface Captured {
  headers: Record<string, string>;
  body: string;
}

function capture(scheme: Scheme, signedHost: string, signedAt: number): Captured {
  const params = { PhoneNumber: PHONE, PrefilledMessage: "Hello", GenerateQrImage: "PNG" };
  if (scheme === "ACS3-HMAC-SHA256") {
    return signAcs3({ host: signedHost, action: "CreatePhoneMessageQrdl", params, date: iso(signedAt), nonce: randomUUID() });
  }
  return { headers: { ...FORM, host: signedHost }, body: signHmacSha1({ action: "CreatePhoneMessageQrdl", params, timestamp: iso(signedAt), nonce: randomUUID() }) };
}

function replay(to: CamsEmulator, request: Captured): Promise<RawResponse> {
  return send(to.url, { method: "POST", ...request });
}

for (const scheme of ["ACS3-HMAC-SHA256", "HMAC-SHA1"] as const) {
  describe(`emulator: a captured ${scheme} request is accepted once, whatever the clock does`, () => {
    let now = START;
    let dir: string;
    const clock = () => now;

    beforeEach(() => {
      now = START;
      dir = mkdtempSync(join(tmpdir(), "cams-emulator-replay-"));
    });
    afterEach(() => rmSync(dir, { recursive: true, force: true }));

    it("refuses a request dated 14 minutes ahead when replayed 16 minutes later, while its date is still acceptable", async () => {
      const emulator = await startEmulator({ clock });
      try {
        const request = capture(scheme, emulator.endpoint, START + 14 * MINUTE);
        assert.equal((await replay(emulator, request)).json?.Code, "OK");
        now = START + 16 * MINUTE;
        const again = await replay(emulator, request);
        assert.equal(again.json?.Code, "SignatureNonceUsed", `the replay answered ${JSON.stringify(again.json)}`);
        now = START + 29 * MINUTE;
        assert.equal((await replay(emulator, request)).json?.Code, "SignatureNonceUsed", "its date is still acceptable at the window's edge");
        now = START + 29 * MINUTE + 1_000;
        assert.equal((await replay(emulator, request)).json?.Code, "InvalidTimeStamp.Expired", "past the window the date refuses it");
        assert.equal(emulator.codes().length, 1, "a replayed Create must not make a second code");
      } finally {
        await emulator.close();
      }
    });

    it("refuses a request dated more than 15 minutes ahead", async () => {
      const emulator = await startEmulator({ clock });
      try {
        assert.equal((await replay(emulator, capture(scheme, emulator.endpoint, START + 16 * MINUTE))).json?.Code, "InvalidTimeStamp.Expired");
      } finally {
        await emulator.close();
      }
    });

    it("refuses the replay after a restart on the same state file", async () => {
      const stateFile = join(dir, "state.json");
      const first = await startEmulator({ clock, stateFile });
      const request = capture(scheme, first.endpoint, START + 5 * MINUTE);
      assert.equal((await replay(first, request)).json?.Code, "OK");
      await first.close();
      const second = await startEmulator({ clock, stateFile });
      try {
        now = START + 10 * MINUTE;
        assert.equal((await replay(second, request)).json?.Code, "SignatureNonceUsed");
        assert.equal(second.codes().length, 1);
      } finally {
        await second.close();
      }
    });

    it("refuses the replay sent to a second emulator sharing the state file", async () => {
      const stateFile = join(dir, "state.json");
      const [a, b] = [await startEmulator({ clock, stateFile }), await startEmulator({ clock, stateFile })];
      try {
        const request = capture(scheme, a.endpoint, START);
        assert.equal((await replay(a, request)).json?.Code, "OK");
        const atB = await replay(b, request);
        assert.equal(atB.json?.Code, "SignatureNonceUsed", `b answered ${JSON.stringify(atB.json)}`);
        assert.equal(b.codes().length, 1);
      } finally {
        await Promise.all([a.close(), b.close()]);
      }
    });
  });
}
