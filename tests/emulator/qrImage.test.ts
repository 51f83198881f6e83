import jsQR from "jsqr";
import { strict as assert } from "node:assert";
import { PNG } from "pngjs";
import type { CamsEmulator } from "../../emulator";
import { camsClient, createCode, startEmulator } from "./support/harness";
import { send } from "./support/rawHttp";

describe("emulator: QR images at QrImageUrl", () => {
  let emulator: CamsEmulator;

  before(async () => {
    emulator = await startEmulator();
  });
  after(() => emulator.close());

  it("serves a PNG that decodes to the DeepLinkUrl, without a signature and without counting as an API call", async () => {
    const data = await createCode(camsClient(emulator), { generateQrImage: "PNG" });
    emulator.resetCalls();
    const response = await send(data.qrImageUrl ?? "");
    assert.equal(response.status, 200);
    assert.equal(response.headers["content-type"], "image/png");
    const png = PNG.sync.read(response.body);
    const decoded = jsQR(new Uint8ClampedArray(png.data), png.width, png.height);
    assert.equal(decoded?.data, data.deepLinkUrl);
    assert.deepEqual(emulator.calls(), []);
  });

  it("serves an SVG for a code created with SVG", async () => {
    const data = await createCode(camsClient(emulator), { generateQrImage: "SVG" });
    const response = await send(data.qrImageUrl ?? "");
    assert.equal(response.status, 200);
    assert.equal(response.headers["content-type"], "image/svg+xml");
    assert.match(response.body.toString("utf8"), /^<svg[^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"[\s\S]*<\/svg>\s*$/);
  });

  it("answers 404 JSON for an unknown code, the other format's extension and a deleted code", async () => {
    const data = await createCode(camsClient(emulator), { generateQrImage: "PNG" });
    for (const path of ["/qr/NOSUCHCODE.png", `/qr/${data.qrdlCode}.svg`, "/qr/../etc/passwd"]) {
      const response = await send(emulator.url, { path });
      assert.equal(response.status, 404, path);
      assert.equal(response.json?.Code, "NotFound", path);
    }
    emulator.deleteCode(data.phoneNumber ?? "", data.qrdlCode ?? "");
    assert.equal((await send(data.qrImageUrl ?? "")).status, 404);
  });

  it("builds QrImageUrl on publicBaseUrl when one is given", async () => {
    const behindProxy = await startEmulator({ publicBaseUrl: "https://qr.example.test/cams/" });
    try {
      const data = await createCode(camsClient(behindProxy));
      assert.equal(data.qrImageUrl, `https://qr.example.test/cams/qr/${data.qrdlCode}.png`);
    } finally {
      await behindProxy.close();
    }
  });
});
