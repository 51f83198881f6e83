import { strict as assert } from "node:assert";
import { DEMO_CREDENTIAL, type CamsEmulator } from "../../emulator";
import { signHmacSha1 } from "./support/hmacSha1Signer";
import { camsClient, createCode, listCodes, PHONE, startEmulator } from "./support/harness";
import { send } from "./support/rawHttp";

const JSON_TYPE = { "content-type": "application/json" };

describe("emulator: web pages cannot drive it (cross-site requests, DNS rebinding)", () => {
  let emulator: CamsEmulator;

  before(async () => {
    emulator = await startEmulator({ allowedHosts: ["cams-emulator"] });
  });
  after(() => emulator.close());
  beforeEach(async () => {
    emulator.reset();
    await createCode(camsClient(emulator));
  });

  it("refuses POST /_emulator/reset from another site's page, by Origin or Sec-Fetch-Site, and keeps the codes", async () => {
    for (const headers of <Record<string, string>[]>[
      { origin: "https://evil.example", "content-type": "text/plain" },
      { origin: "https://evil.example", ...JSON_TYPE },
      { origin: "null", ...JSON_TYPE },
      { "sec-fetch-site": "cross-site", ...JSON_TYPE },
    ]) {
      const response = await send(emulator.url, { method: "POST", path: "/_emulator/reset", headers });
      assert.equal(response.status, 403, `${JSON.stringify(headers)} answered ${response.status}`);
      assert.equal(response.json?.Code, "Forbidden.CrossSite");
    }
    assert.equal(emulator.codes().length, 1, "a refused reset must not forget the codes");
  });

  it("refuses a form or text POST to the admin API, which a page could send without asking", async () => {
    for (const type of ["application/x-www-form-urlencoded", "text/plain", "multipart/form-data; boundary=x"]) {
      const response = await send(emulator.url, { method: "POST", path: "/_emulator/reset", headers: { "content-type": type }, body: "" });
      assert.equal(response.status, 415, `${type} answered ${response.status}`);
    }
    assert.equal((await send(emulator.url, { method: "POST", path: "/_emulator/reset" })).status, 415, "no content type at all");
    assert.equal(emulator.codes().length, 1);
  });

  it("refuses admin requests whose Host is a name it does not answer to (DNS rebinding)", async () => {
    for (const [method, path] of [["GET", "codes"], ["GET", "calls"], ["PATCH", "behaviour"], ["POST", "reset"]]) {
      const response = await send(emulator.url, {
        method,
        path: `/_emulator/${path}`,
        headers: { host: `rebind.evil.example:${emulator.port}`, ...JSON_TYPE },
        body: method === "PATCH" ? "{}" : undefined,
      });
      assert.equal(response.status, 403, `${method} ${path} answered ${response.status}`);
      assert.equal(response.json?.Code, "Forbidden.Host");
      assert.doesNotMatch(response.body.toString(), /qrdlCode/);
    }
    assert.equal(emulator.codes().length, 1);
  });

  it("refuses a form POST signed with the published demo key when a page sends it, answering with a RequestId", async () => {
    const body = signHmacSha1({ action: "DeletePhoneMessageQrdl", params: { PhoneNumber: PHONE, QrdlCode: emulator.codes()[0].qrdlCode } });
    const response = await send(emulator.url, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", origin: "https://evil.example", "sec-fetch-site": "cross-site" },
      body,
    });
    assert.equal(response.status, 403);
    assert.equal(response.json?.Code, "Forbidden.CrossSite");
    assert.match(String(response.json?.RequestId), /^[0-9A-F-]{36}$/);
    assert.equal(emulator.codes().length, 1);
  });

  it("still serves its own origin, localhost, an allowed name, and the SDK client", async () => {
    const sameOrigin = await send(emulator.url, { path: "/_emulator/codes", headers: { origin: emulator.url, "sec-fetch-site": "same-origin" } });
    assert.equal(sameOrigin.status, 200);
    for (const host of [`localhost:${emulator.port}`, `cams-emulator:${emulator.port}`, "[::1]", "127.0.0.1"]) {
      assert.equal((await send(emulator.url, { path: "/_emulator/health", headers: { host } })).status, 200, host);
    }
    const viaLocalhost = { ...emulator, endpoint: `localhost:${emulator.port}` } as CamsEmulator;
    assert.equal((await listCodes(camsClient(viaLocalhost))).length, 1);
    assert.equal((await listCodes(camsClient(emulator, { credential: DEMO_CREDENTIAL, signatureAlgorithm: "v2" }))).length, 1);
  });
});

describe("emulator: an optional admin token", () => {
  let emulator: CamsEmulator;

  before(async () => {
    emulator = await startEmulator({ adminToken: "t0ken" });
  });
  after(() => emulator.close());

  it("refuses the admin API without the token (401) and serves it with the token; the signed API needs none", async () => {
    await createCode(camsClient(emulator));
    for (const authorization of [undefined, "Bearer wrong", "t0ken"]) {
      const response = await send(emulator.url, { path: "/_emulator/codes", headers: authorization === undefined ? {} : { authorization } });
      assert.equal(response.status, 401, `${authorization} answered ${response.status}`);
      assert.equal(response.json?.Code, "Unauthorized");
    }
    const granted = await send(emulator.url, { path: "/_emulator/codes", headers: { authorization: "Bearer t0ken" } });
    assert.equal(granted.status, 200);
    assert.equal((await listCodes(camsClient(emulator))).length, 1);
  });
});
