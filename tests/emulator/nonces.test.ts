import { strict as assert } from "node:assert";
import { MAX_NONCES, NonceRegistry } from "../../emulator/auth/nonces";

describe("emulator: the nonce registry", () => {
  it("refuses a nonce until the moment its request's date leaves the window, then lets the date decide", () => {
    const nonces = new NonceRegistry();
    assert.equal(nonces.claim("key\nn1", 2_000, 1_000), "claimed");
    assert.equal(nonces.claim("key\nn1", 2_500, 2_000), "used", "still live at its expiry");
    assert.equal(nonces.claim("key\nn1", 3_000, 2_001), "claimed", "free once expired");
  });

  it("throttles rather than forget a live nonce early when full, and frees expired ones to make room", () => {
    const nonces = new NonceRegistry();
    for (let i = 0; i < MAX_NONCES; i++) nonces.claim(`key\n${i}`, i < 10 ? 500 : 10_000, 0);
    assert.equal(nonces.claim("key\nnew", 10_000, 0), "full");
    assert.equal(nonces.claim("key\n20", 10_000, 1_000), "used", "a live nonce is never forgotten to make room");
    assert.equal(nonces.claim("key\nnew", 10_000, 1_000), "claimed", "expired nonces make room");
  });

  it("keeps no AccessKeyId or nonce in what it saves, only digests of live entries", () => {
    const nonces = new NonceRegistry();
    nonces.claim("LTAI5tSecretive\nnonce-1", 5_000, 0);
    nonces.claim("LTAI5tSecretive\nnonce-2", 500, 0);
    const saved = nonces.toJSON(1_000);
    assert.equal(Object.keys(saved).length, 1);
    assert.doesNotMatch(JSON.stringify(saved), /LTAI5tSecretive|nonce-1/);
    assert.equal(new NonceRegistry(saved).claim("LTAI5tSecretive\nnonce-1", 5_000, 1_000), "used", "a restored registry still refuses it");
  });
});
