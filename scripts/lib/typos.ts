import type { Labelled } from "./eval-set.ts";

/**
 * The questions as typed in a hurry: each copy of the set has one slip per question
 * (two neighbouring letters swapped, a letter dropped, or one doubled) in one of its
 * words of four letters or more. The slips come from a seeded generator, so every run,
 * and every change being judged, sees the same ones. `copies` copies, each with other
 * slips, so that one unlucky slip weighs little.
 */
export function withTypos(questions: Labelled[], copies = 5): Labelled[] {
  const out: Labelled[] = [];
  for (let copy = 1; copy <= copies; copy++) {
    const random = seeded(1000 * copy + 7);
    for (const question of questions) out.push({ ...question, q: slip(question.q, random) });
  }
  return out;
}

function slip(question: string, random: () => number): string {
  const words = question.split(" ");
  const long = words.flatMap((w, i) => (/^[a-z]{4,}$/i.test(w) ? [i] : []));
  if (long.length === 0) return question;
  const at = long[Math.floor(random() * long.length)] as number;
  const w = words[at] as string;
  const i = Math.floor(random() * (w.length - 1));
  const kind = random();
  words[at] =
    kind < 0.35
      ? w.slice(0, i) + w[i + 1] + w[i] + w.slice(i + 2)
      : kind < 0.7
        ? w.slice(0, i) + w.slice(i + 1)
        : w.slice(0, i + 1) + w.slice(i);
  return words.join(" ");
}

/** A linear congruential generator: the same numbers on every machine. */
function seeded(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
}
