import { strict as assert } from "node:assert";
import { randomUUID } from "node:crypto";
import { DEMO_CREDENTIAL, type CamsEmulator } from "../../emulator";
import { signAcs3, type Acs3CallOptions } from "./support/acs3Signer";
import { signHmacSha1 } from "./support/hmacSha1Signer";
import { camsClient, createCode, expectSdkError, listCodes, startEmulator } from "./support/harness";
import { send, type RawResponse } from "./support/rawHttp";

const STS = { accessKeyId: "STS.CamsEmulatorTemp", accessKeySecret: "sts-secret", securityToken: "sts-token-1" };

describe("emulator: authentication as the gateway checks it", () => {
  let emulator: CamsEmulator;

  before(async () => {
    emulator = await startEmulator({ credentials: [DEMO_CREDENTIAL, STS] });
  });
  after(() => emulator.close());

  function signedCall(options: Partial<Acs3CallOptions> = {}): Promise<RawResponse> {
    const { headers, body } = signAcs3({ host: emulator.endpoint, params: { PhoneNumber: "8615800000000" }, ...options });
    return send(emulator.url, { method: "POST", headers, body });
  }

  it("accepts a request signed by an independent ACS3-HMAC-SHA256 signer", async () => {
    const response = await signedCall();
    assert.equal(response.status, 200, JSON.stringify(response.json));
    assert.equal(response.json?.Code, "OK");
  });

  it("refuses a wrong secret with SignatureDoesNotMatch (400) showing the server's string to sign, never the secret", async () => {
    const client = camsClient(emulator, { credential: { ...DEMO_CREDENTIAL, accessKeySecret: "wrong-secret" } });
    const error = await expectSdkError(listCodes(client), "SignatureDoesNotMatch", 400);
    assert.match(error.message, /server string to sign is:ACS3-HMAC-SHA256\n[0-9a-f]{64}/);
    assert.doesNotMatch(JSON.stringify(error.data), /cams-emulator-demo-secret|wrong-secret/);
  });

  it("refuses a wrong secret under the RPC HMAC-SHA1 scheme too", async () => {
    const client = camsClient(emulator, { credential: { ...DEMO_CREDENTIAL, accessKeySecret: "wrong" }, signatureAlgorithm: "v2" });
    const error = await expectSdkError(listCodes(client), "SignatureDoesNotMatch", 400);
    assert.match(error.message, /server string to sign is:POST&%2F&/);
  });

  it("refuses an unknown AccessKeyId with InvalidAccessKeyId.NotFound (400, as the gateway documents)", async () => {
    const client = camsClient(emulator, { credential: { accessKeyId: "LTAI5tNobody", accessKeySecret: "x" } });
    await expectSdkError(listCodes(client), "InvalidAccessKeyId.NotFound", 400);
  });

  it("refuses a replayed nonce with SignatureNonceUsed, after accepting it once", async () => {
    const nonce = randomUUID();
    assert.equal((await signedCall({ nonce })).status, 200);
    const replay = await signedCall({ nonce });
    assert.equal(replay.status, 400);
    assert.equal(replay.json?.Code, "SignatureNonceUsed");
  });

  it("refuses a replayed SignatureNonce under the RPC HMAC-SHA1 scheme too", async () => {
    const body = signHmacSha1({ action: "ListPhoneMessageQrdl", params: { PhoneNumber: "8615800000000" } });
    const post = () => send(emulator.url, { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body });
    const first = await post();
    assert.equal(first.status, 200, JSON.stringify(first.json));
    assert.equal((await post()).json?.Code, "SignatureNonceUsed");
  });

  it("does not burn a nonce on a request that fails its signature", async () => {
    const nonce = randomUUID();
    assert.equal((await signedCall({ nonce, secret: "forged" })).json?.Code, "SignatureDoesNotMatch");
    assert.equal((await signedCall({ nonce })).status, 200);
  });

  it("refuses a correctly signed request dated 16 minutes ago with InvalidTimeStamp.Expired", async () => {
    const date = new Date(Date.now() - 16 * 60_000).toISOString().replace(/\.\d{3}Z$/, "Z");
    const response = await signedCall({ date });
    assert.equal(response.status, 400);
    assert.equal(response.json?.Code, "InvalidTimeStamp.Expired");
  });

  it("refuses a malformed x-acs-date with InvalidTimeStamp.Format", async () => {
    const response = await signedCall({ date: "yesterday" });
    assert.equal(response.json?.Code, "InvalidTimeStamp.Format");
  });

  it("checks timestamps against the injected clock, so the real client is refused when clocks disagree", async () => {
    const skewed = await startEmulator({ clock: () => Date.now() + 20 * 60_000 });
    try {
      await expectSdkError(listCodes(camsClient(skewed)), "InvalidTimeStamp.Expired", 400);
      await expectSdkError(listCodes(camsClient(skewed, { signatureAlgorithm: "v2" })), "InvalidTimeStamp.Expired", 400);
    } finally {
      await skewed.close();
    }
  });

  it("refuses a body that differs from the signed x-acs-content-sha256 with SignatureDoesNotMatch", async () => {
    const response = await signedCall({ bodyAfterSigning: "PhoneNumber=8613900000000" });
    assert.equal(response.status, 400);
    assert.equal(response.json?.Code, "SignatureDoesNotMatch");
    assert.match(String(response.json?.Message), /x-acs-content-sha256/);
  });

  it("refuses an x-acs-* header left out of SignedHeaders with IncompleteSignature", async () => {
    const response = await signedCall({ unsignedHeaders: { "x-acs-extra": "sneaky" } });
    assert.equal(response.status, 400);
    assert.equal(response.json?.Code, "IncompleteSignature");
  });

  it("refuses a request without any signature with MissingAuthorization", async () => {
    const response = await send(emulator.url, {
      method: "POST",
      headers: { "x-acs-action": "ListPhoneMessageQrdl", "x-acs-version": "2020-06-06", "content-type": "application/x-www-form-urlencoded" },
      body: "PhoneNumber=8615800000000",
    });
    assert.equal(response.status, 400);
    assert.equal(response.json?.Code, "MissingAuthorization");
  });

  it("refuses a malformed Authorization header with IncompleteSignature", async () => {
    const { headers, body } = signAcs3({ host: emulator.endpoint, params: {} });
    const response = await send(emulator.url, { method: "POST", headers: { ...headers, authorization: "ACS3-HMAC-SHA256 garbage" }, body });
    assert.equal(response.json?.Code, "IncompleteSignature");
  });

  it("refuses another API version with InvalidVersion and an unknown action with InvalidAction.NotFound (404)", async () => {
    const version = await signedCall({ version: "2017-01-01" });
    assert.equal(version.status, 400);
    assert.equal(version.json?.Code, "InvalidVersion");
    const action = await signedCall({ action: "SendChatappMessage" });
    assert.equal(action.status, 404);
    assert.equal(action.json?.Code, "InvalidAction.NotFound");
  });

  it("accepts a temporary key with its security token, under both schemes", async () => {
    await createCode(camsClient(emulator, { credential: STS }));
    await listCodes(camsClient(emulator, { credential: STS, signatureAlgorithm: "v2" }));
  });

  it("refuses a temporary key without its token (MissingSecurityToken) or with another (InvalidSecurityToken.MismatchWithAccessKey)", async () => {
    const { securityToken: _, ...withoutToken } = STS;
    await expectSdkError(listCodes(camsClient(emulator, { credential: withoutToken })), "MissingSecurityToken", 400);
    await expectSdkError(
      listCodes(camsClient(emulator, { credential: { ...STS, securityToken: "stolen" } })),
      "InvalidSecurityToken.MismatchWithAccessKey",
      400,
    );
  });

  it("answers every authentication failure as JSON with RequestId, HostId, Code, Message and Recommend", async () => {
    const response = await signedCall({ secret: "forged" });
    assert.match(String(response.headers["content-type"]), /^application\/json/);
    assert.deepEqual(Object.keys(response.json ?? {}).sort(), ["Code", "HostId", "Message", "Recommend", "RequestId"]);
    assert.equal(response.headers["x-acs-request-id"], response.json?.RequestId);
  });
});
