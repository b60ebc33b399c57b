/**
 * Text anyone could have typed (a question, a learned alternate, a database's error quoting
 * a configured name), made safe to print to an operator's terminal.
 */
import { Transform, type Writable } from "node:stream";
import { StringDecoder } from "node:string_decoder";

/**
 * Control characters (an escape sequence typed into a question, by anyone who can ask) and
 * bidirectional overrides would drive the operator's terminal or reorder what it shows.
 */
const UNPRINTABLE = /[\p{Cc}\u202a-\u202e\u2066-\u2069]/gu;

/**
 * Text anyone could have typed, safe to print to a terminal: each control character as
 * U+FFFD, but for those in `keep` (a file's line breaks and tabs).
 */
export function printable(text: string, keep = ""): string {
  return text.replace(UNPRINTABLE, (c) => (keep.includes(c) ? c : "\uFFFD"));
}

/**
 * A stream that writes into `out` what is written into it, made `printable` but for line
 * breaks and tabs; `out` is left open when it ends.
 */
export function printableStream(out: Writable): Transform {
  const decoder = new StringDecoder("utf8");
  const safe = (text: string) => printable(text, "\t\n\r");
  const stream = new Transform({
    transform(chunk: Buffer | string, _encoding, done) {
      done(null, safe(typeof chunk === "string" ? chunk : decoder.write(chunk)));
    },
    flush(done) {
      done(null, safe(decoder.end()));
    },
  });
  stream.pipe(out, { end: false });
  return stream;
}
