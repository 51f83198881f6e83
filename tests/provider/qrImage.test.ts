import { strict as assert } from "assert";
import jsQR from "jsqr";
import { PNG } from "pngjs";
import { inputs, providerFor, useEmulator } from "./fixtures";

describe("QR images", () => {
  const emulator = useEmulator({ qpsPerAccessKey: 0 });

  it("the PNG at qrImageUrl decodes to deepLinkUrl", async () => {
    const { outs } = await providerFor(emulator()).create(inputs());
    const response = await fetch(outs!.qrImageUrl);
    assert.equal(response.headers.get("content-type"), "image/png");
    const png = PNG.sync.read(Buffer.from(await response.arrayBuffer()));
    const decoded = jsQR(new Uint8ClampedArray(png.data), png.width, png.height);
    assert.ok(decoded, "no QR code found in the image");
    assert.equal(decoded.data, outs!.deepLinkUrl);
    assert.match(outs!.deepLinkUrl, /^https:\/\/wa\.me\/message\/[A-Z0-9]+$/);
  });

  it("an SVG code is served as SVG", async () => {
    const { outs } = await providerFor(emulator()).create(inputs({ generateQrImage: "SVG" }));
    assert.match(outs!.qrImageUrl, /\.svg$/);
    const response = await fetch(outs!.qrImageUrl);
    assert.match(response.headers.get("content-type") ?? "", /image\/svg\+xml/);
    assert.match(await response.text(), /<svg[\s>]/);
  });
});
