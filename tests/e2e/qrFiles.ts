import * as fs from "fs";
import jsQR from "jsqr";
import { PNG } from "pngjs";

/** The text a PNG file's QR code encodes, or undefined when none is found. */
export function decodePngFile(file: string): string | undefined {
  const png = PNG.sync.read(fs.readFileSync(file));
  return jsQR(new Uint8ClampedArray(png.data), png.width, png.height)?.data;
}

/**
 * The text an SVG file's QR code encodes. Reads the one-stroke-per-module-row SVG the emulator
 * (the `qrcode` package) writes: `M x y.5` starts a row, `m dx dy` moves, `hN` paints N modules.
 */
export function decodeSvgFile(file: string, scale = 8): string | undefined {
  const svg = fs.readFileSync(file, "utf8");
  const size = Number(svg.match(/viewBox="0 0 (\d+) \1"/)?.[1]);
  const strokes = svg.match(/<path stroke="[^"]*" d="([^"]+)"/)?.[1];
  if (!size || !strokes) throw new Error(`${file} is not an SVG QR code of the expected shape`);
  const pixels = new Uint8ClampedArray(size * scale * size * scale * 4).fill(255);
  let x = 0;
  let y = 0;
  for (const [, op, a, b] of strokes.matchAll(/([MmHh])([\d.]+)(?:\s([\d.]+))?/g)) {
    if (op === "M") [x, y] = [Number(a), Number(b)];
    else if (op === "m") [x, y] = [x + Number(a), y + Number(b)];
    else {
      for (let column = x; column < x + Number(a); column++) paint(pixels, size * scale, column, Math.floor(y), scale);
      x += Number(a);
    }
  }
  return jsQR(pixels, size * scale, size * scale)?.data;
}

function paint(pixels: Uint8ClampedArray, width: number, column: number, row: number, scale: number): void {
  for (let dy = 0; dy < scale; dy++) {
    for (let dx = 0; dx < scale; dx++) {
      const at = ((row * scale + dy) * width + column * scale + dx) * 4;
      pixels[at] = pixels[at + 1] = pixels[at + 2] = 0;
    }
  }
}
