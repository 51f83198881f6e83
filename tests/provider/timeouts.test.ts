import { strict as assert } from "assert";
import * as net from "net";
import type { AddressInfo } from "net";
import { CamsError } from "../../provider/errors/camsError";
import { clientOf, ok, startStandIn } from "./standIn";

const CREATE = { phoneNumber: "8615800000000", prefilledMessage: "Hi", generateQrImage: "PNG" as const };
const MADE = { QrdlCode: "SLOWANSWER0001", PhoneNumber: "8615800000000", PrefilledMessage: "Hi", GenerateQrImage: "PNG" };

describe("timeouts mean what they say", () => {
  it("an answer slower than 5 s arrives when cams:timeoutMs allows it", async function () {
    this.timeout(30_000);
    const standIn = await startStandIn(() => ({ ...ok(MADE), delayMs: 5_600 }));
    try {
      const record = await clientOf(standIn.endpoint, { timeoutMs: 12_000, connectTimeoutMs: 1_000 }).createQrdl(CREATE);
      assert.equal(record.qrdlCode, "SLOWANSWER0001");
      assert.equal(standIn.requests.length, 1);
    } finally {
      await standIn.close();
    }
  });

  it("a create not answered within cams:timeoutMs fails at once as outcome unknown and is sent only once", async function () {
    this.timeout(30_000);
    const standIn = await startStandIn(() => ({ ...ok(MADE), delayMs: 4_000 }));
    try {
      const started = Date.now();
      await assert.rejects(clientOf(standIn.endpoint, { timeoutMs: 300, connectTimeoutMs: 5_000 }).createQrdl(CREATE), (e: unknown) => {
        assert.ok(e instanceof CamsError, String(e));
        assert.equal(e.code, "ReadTimeout");
        assert.equal(e.outcome, "unknown");
        assert.ok(e.outcomeUnknown);
        assert.match(e.hint ?? "", /cams:timeoutMs/);
        return true;
      });
      const waited = Date.now() - started;
      assert.ok(waited < 3_000, `the read timeout of 300 ms was not honoured: the call took ${waited} ms`);
      assert.equal(standIn.requests.length, 1, "a create whose outcome is unknown was sent again");
    } finally {
      await standIn.close();
    }
  });

  it("a listing not answered within cams:timeoutMs is asked again", async function () {
    this.timeout(30_000);
    const standIn = await startStandIn((_req, n) => (n === 0 ? { ...ok([]), delayMs: 3_000 } : ok([MADE])));
    try {
      const listed = await clientOf(standIn.endpoint, { timeoutMs: 300 }).listQrdls({ phoneNumber: "8615800000000" });
      assert.deepEqual(listed.map((r) => r.qrdlCode), ["SLOWANSWER0001"]);
      assert.equal(standIn.requests.length, 2);
    } finally {
      await standIn.close();
    }
  });

  it("a connection that never comes up fails after cams:connectTimeoutMs as refused, nothing sent, and is tried again", async function () {
    this.timeout(30_000);
    // Accepts TCP but never speaks TLS: the HTTPS connection never comes up, so nothing is sent.
    const sockets = new Set<net.Socket>();
    const silent = net.createServer((s) => sockets.add(s));
    await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
    try {
      const endpoint = `127.0.0.1:${(silent.address() as AddressInfo).port}`;
      const started = Date.now();
      await assert.rejects(clientOf(endpoint, { connectTimeoutMs: 200, timeoutMs: 20_000 }, "HTTPS").createQrdl(CREATE), (e: unknown) => {
        assert.ok(e instanceof CamsError, String(e));
        assert.equal(e.code, "ConnectTimeout");
        assert.equal(e.outcome, "refused");
        assert.equal(e.attempts, 8, "a call that never reached CAMS is safe to try again");
        return true;
      });
      assert.ok(Date.now() - started < 15_000, "the connect timeout was not honoured");
    } finally {
      sockets.forEach((s) => s.destroy());
      await new Promise((resolve) => silent.close(resolve));
    }
  });
});
