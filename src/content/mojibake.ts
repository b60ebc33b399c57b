/**
 * Repairs UTF-8 text that was once decoded as Windows-1252 ("â€”" for "—").
 *
 * Each run of characters that Windows-1252 maps to bytes >= 0x80 is turned back
 * into those bytes and decoded as UTF-8; the run is replaced only when that
 * decoding is valid and gives characters that such text holds (see `plausible`).
 * Genuine Latin-1 text ("café") fails the UTF-8 decode and is left alone.
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
    const repaired = decoded(run);
    return repaired ?? repairPieces(run);
  });
}

/** `run` turned back into bytes and decoded, or null when that is no UTF-8 of plausible text. */
function decoded(run: string): string | null {
  const bytes = Uint8Array.from(run, (ch) => byteOf.get(ch) ?? 0);
  try {
    const text = decoder.decode(bytes);
    return plausible(text) ? text : null;
  } catch {
    return null;
  }
}

/**
 * Whether every character is one that mojibake in playbooks stands for: Latin, Greek,
 * Cyrillic, Hebrew, Arabic, Indic, Thai or Hangul letters and their accents, punctuation and
 * symbols, emoji and their variation selectors. Not IPA, not CJK ideographs:
 * genuine French "É" or "é" before a no-break space ("SÉCURITÉ\u00a0!", "«\u00a0sécurité\u00a0»")
 * decodes as UTF-8 too, to "ɠ" or "頻", and must stay as written.
 */
function plausible(text: string): boolean {
  for (const ch of text) {
    const c = ch.codePointAt(0) ?? 0;
    const ok =
      c < 0x250 ||
      (c >= 0x300 && c < 0x370) || // combining accents ("e" + U+0301)
      (c >= 0x370 && c < 0x530) ||
      (c >= 0x590 && c < 0x700) ||
      (c >= 0x900 && c < 0xe80) || // Indic scripts, Thai
      (c >= 0x2000 && c < 0x2c00) ||
      (c >= 0xac00 && c < 0xd7b0) || // Hangul
      (c >= 0xfe00 && c < 0xfe10) || // variation selectors ("⚠️")
      c >= 0x1f000;
    if (!ok) return false;
  }
  return true;
}

/** A run may mix a broken sequence with real Latin-1 letters: repair what decodes. */
function repairPieces(run: string): string {
  let out = "";
  let i = 0;
  while (i < run.length) {
    const lead = byteOf.get(run.charAt(i)) ?? 0;
    const len = lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : lead >= 0xc2 ? 2 : 1;
    // Not a UTF-8 sequence of plausible text: the character is kept as it is.
    const piece = len > 1 && i + len <= run.length ? decoded(run.slice(i, i + len)) : null;
    if (piece !== null) {
      out += piece;
      i += len;
      continue;
    }
    out += run.charAt(i);
    i += 1;
  }
  return out;
}
