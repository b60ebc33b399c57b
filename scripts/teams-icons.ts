/**
 * The two icons Teams requires, drawn here rather than downloaded: a
 * 192x192 colour icon (white speech bubble listing steps, on the accent
 * colour) and a 32x32 outline icon (the same bubble in white on
 * transparent). Includes a minimal PNG encoder (RGBA, zlib from Node).
 *
 * `tsx scripts/teams-icons.ts` rewrites teams/color.png and teams/outline.png.
 */
import { writeFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
import { deflateSync } from "node:zlib";

/** The app's accent colour, also `accentColor` in teams/manifest.json. */
const ACCENT = { r: 0x2f, g: 0x5b, b: 0xea };

type Rgba = [number, number, number, number];

/** Encodes 8-bit RGBA pixels (row-major, 4 bytes each) as a PNG file. */
function encodePng(width: number, height: number, rgba: Uint8Array): Buffer {
  const raw = Buffer.alloc((width * 4 + 1) * height);
  for (let y = 0; y < height; y++) {
    // Filter type 0 (none) per row: simple, and these icons compress well anyway.
    raw[y * (width * 4 + 1)] = 0;
    Buffer.from(rgba.buffer, rgba.byteOffset + y * width * 4, width * 4).copy(
      raw,
      y * (width * 4 + 1) + 1,
    );
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // colour type: RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", ihdr),
    chunk("IDAT", deflateSync(raw, { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

/** Width and height from a PNG's IHDR chunk; throws if the bytes are not a PNG. */
export function readPngSize(png: Buffer): { width: number; height: number } {
  if (
    png.length < 24 ||
    png.toString("latin1", 1, 4) !== "PNG" ||
    png.toString("latin1", 12, 16) !== "IHDR"
  ) {
    throw new Error("not a PNG file");
  }
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

function chunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, "latin1");
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Buffer): number {
  let c = 0xffffffff;
  for (const b of bytes) c = (CRC_TABLE[(c ^ b) & 0xff] ?? 0) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** A shape in unit coordinates (0..1 across the icon): is the point inside? */
type Shape = (x: number, y: number) => boolean;

function roundedRect(x0: number, y0: number, x1: number, y1: number, r: number): Shape {
  return (x, y) => {
    if (x < x0 || x > x1 || y < y0 || y > y1) return false;
    const cx = Math.min(Math.max(x, x0 + r), x1 - r);
    const cy = Math.min(Math.max(y, y0 + r), y1 - r);
    return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
  };
}

function triangle(ax: number, ay: number, bx: number, by: number, cx: number, cy: number): Shape {
  const side = (px: number, py: number, qx: number, qy: number, x: number, y: number) =>
    (qx - px) * (y - py) - (qy - py) * (x - px);
  return (x, y) => {
    const d1 = side(ax, ay, bx, by, x, y);
    const d2 = side(bx, by, cx, cy, x, y);
    const d3 = side(cx, cy, ax, ay, x, y);
    return !((d1 < 0 || d2 < 0 || d3 < 0) && (d1 > 0 || d2 > 0 || d3 > 0));
  };
}

const union =
  (...shapes: Shape[]): Shape =>
  (x, y) =>
    shapes.some((s) => s(x, y));

/** The speech bubble (with its tail) and the three step lines inside it. */
function glyph(bubbleInset: number) {
  const i = bubbleInset;
  const bubble = union(
    roundedRect(0.16 + i, 0.2 + i, 0.84 - i, 0.7 - i, 0.1),
    triangle(0.28, 0.66 - i, 0.46, 0.66 - i, 0.24, 0.84 - i * 1.5),
  );
  const lines = union(
    ...[0.33, 0.45, 0.57].flatMap((y) => [
      roundedRect(0.27, y - 0.035, 0.34, y + 0.035, 0.035),
      roundedRect(0.4, y - 0.03, 0.73, y + 0.03, 0.03),
    ]),
  );
  return { bubble, lines };
}

/** Renders with 4x4 supersampling so edges are smooth at 32 pixels too. */
function render(size: number, paint: (x: number, y: number) => Rgba): Uint8Array {
  const out = new Uint8Array(size * size * 4);
  const n = 4;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0;
      let g = 0;
      let b = 0;
      let a = 0;
      for (let sy = 0; sy < n; sy++) {
        for (let sx = 0; sx < n; sx++) {
          const [cr, cg, cb, ca] = paint(
            (px + (sx + 0.5) / n) / size,
            (py + (sy + 0.5) / n) / size,
          );
          r += cr * ca;
          g += cg * ca;
          b += cb * ca;
          a += ca;
        }
      }
      const o = (py * size + px) * 4;
      out[o] = a ? Math.round(r / a) : 0;
      out[o + 1] = a ? Math.round(g / a) : 0;
      out[o + 2] = a ? Math.round(b / a) : 0;
      out[o + 3] = Math.round(a / (n * n));
    }
  }
  return out;
}

/** 192x192, full-bleed accent background, white bubble, accent step lines. */
export function colorIcon(): Buffer {
  const { bubble, lines } = glyph(0);
  const accent: Rgba = [ACCENT.r, ACCENT.g, ACCENT.b, 255];
  const white: Rgba = [255, 255, 255, 255];
  return encodePng(
    192,
    192,
    render(192, (x, y) => (lines(x, y) ? accent : bubble(x, y) ? white : accent)),
  );
}

/** 32x32, white outline of the bubble and white step lines on transparent. */
export function outlineIcon(): Buffer {
  const outer = glyph(0).bubble;
  const inner = glyph(0.065).bubble;
  // At 32 pixels the bullets would merge with the border: two plain lines read better.
  const lines = union(
    roundedRect(0.31, 0.35, 0.69, 0.41, 0.03),
    roundedRect(0.31, 0.49, 0.6, 0.55, 0.03),
  );
  const white: Rgba = [255, 255, 255, 255];
  const clear: Rgba = [0, 0, 0, 0];
  return encodePng(
    32,
    32,
    render(32, (x, y) => ((outer(x, y) && !inner(x, y)) || lines(x, y) ? white : clear)),
  );
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  writeFileSync("teams/color.png", colorIcon());
  writeFileSync("teams/outline.png", outlineIcon());
  process.stdout.write("wrote teams/color.png (192x192) and teams/outline.png (32x32)\n");
}
