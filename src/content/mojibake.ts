/**
 * Repairs UTF-8 text that was once decoded as Windows-1252 ("â€”" for "—").
 *
 * Each run of characters that Windows-1252 maps to bytes >= 0x80 is turned back
 * into those bytes and decoded as UTF-8; the run is replaced only when that
 * decoding is valid. Genuine Latin-1 text ("café") fails the UTF-8 decode and
 * is left alone.
 */

// Windows-1252 differs from Latin-1 only in 0x80..0x9F.
const CP1252_HIGH = "€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ";

const byteOf = new Map<string, number>();
for (let i = 0; i < CP1252_HIGH.length; i++) byteOf.set(CP1252_HIGH.charAt(i), 0x80 + i);
for (let b = 0xa0; b <= 0xff; b++) byteOf.set(String.fromCharCode(b), b);

const suspectRun = new RegExp(`[${[...byteOf.keys()].map(escapeForClass).join("")}]{2,}`, "g");
const decoder = new TextDecoder("utf-8", { fatal: true });

function escapeForClass(ch: string): string {
  return /[\]\\^-]/.test(ch) ? `\\${ch}` : ch;
}

export function repairMojibake(text: string): string {
  if (!/[\u00c2-\u00f4]/.test(text)) return text;
  return text.replace(suspectRun, (run) => {
    const bytes = Uint8Array.from(run, (ch) => byteOf.get(ch) ?? 0);
    try {
      return decoder.decode(bytes);
    } catch {
      return repairPieces(run);
    }
  });
}

/** A run may mix a broken sequence with real Latin-1 letters: repair what decodes. */
function repairPieces(run: string): string {
  let out = "";
  let i = 0;
  while (i < run.length) {
    const lead = byteOf.get(run.charAt(i)) ?? 0;
    const len = lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : lead >= 0xc2 ? 2 : 1;
    if (len > 1 && i + len <= run.length) {
      const bytes = Uint8Array.from(run.slice(i, i + len), (ch) => byteOf.get(ch) ?? 0);
      try {
        out += decoder.decode(bytes);
        i += len;
        continue;
      } catch {
        // not a UTF-8 sequence: keep the character as it is
      }
    }
    out += run.charAt(i);
    i += 1;
  }
  return out;
}
