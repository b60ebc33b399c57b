import { deletionsOf, doublingsOf, swapsOf } from "../../src/answer/spelling.ts";
import type { Labelled } from "./eval-set.ts";
import { random as mulberry32 } from "./generated-corpus.ts";

/**
 * The questions as typed in a hurry: each copy of the set has one slip per question
 * (two neighbouring letters swapped, a letter dropped, or one doubled, each as likely)
 * in one of its words of four letters or more. The slips come from a seeded generator,
 * so every run, and every change being judged, sees the same ones. `copies` copies, each
 * with other slips, so that one unlucky slip weighs little.
 */
export function withTypos(questions: Labelled[], copies = 5): Labelled[] {
  const out: Labelled[] = [];
  for (let copy = 1; copy <= copies; copy++) {
    const random = mulberry32(1000 * copy + 7);
    for (const question of questions) out.push({ ...question, q: slip(question.q, random) });
  }
  return out;
}

function slip(question: string, random: () => number): string {
  const words = question.split(" ");
  // A word's letters, without what is typed around them ("deploy?").
  const letters = words.map((w) => /[a-z]{4,}/i.exec(w));
  const long = letters.flatMap((m, i) => (m ? [i] : []));
  if (long.length === 0) return question;
  const at = long[Math.floor(random() * long.length)] as number;
  const found = letters[at] as RegExpExecArray;
  const core = found[0];
  const kind = random();
  const swaps = swapsOf(core).filter((s) => s !== core);
  const slips =
    kind < 1 / 3 && swaps.length > 0 ? swaps : kind < 2 / 3 ? deletionsOf(core) : doublingsOf(core);
  const slipped = slips[Math.floor(random() * slips.length)] as string;
  const w = words[at] as string;
  words[at] = w.slice(0, found.index) + slipped + w.slice(found.index + core.length);
  return words.join(" ");
}
