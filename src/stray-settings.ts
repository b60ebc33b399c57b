/**
 * Variables set in the environment (or `.env`) that look like one of ours but are not:
 * `RETENTON_DAYS=7` would otherwise be ignored, and the operator would believe it applied.
 * Only near misses of our own names are named: a shared environment holds plenty of other
 * variables (PATH, HOME, NODE_OPTIONS, CI, ...), and none of them is a reason to stop or warn.
 */
import { osaDistance as editDistance } from "./answer/spelling.ts";
import { SETTING_NAMES } from "./config.ts";

/** One warning per stray variable, by name: `RETENTON_DAYS is not a setting: did you mean RETENTION_DAYS?` */
export function straySettings(
  env: Record<string, string | undefined>,
  ours: readonly string[] = SETTING_NAMES,
): string[] {
  const known = new Set(ours);
  const warnings: string[] = [];
  for (const name of Object.keys(env).sort()) {
    // Blank is unset, as the configuration reads it (a copied template's empty lines).
    if (known.has(name) || !env[name]?.trim() || numbered(name, ours)) continue;
    const guesses = nearest(name, ours);
    if (guesses.length > 0)
      warnings.push(`${name} is not a setting: did you mean ${guesses.join(" or ")}?`);
  }
  return warnings;
}

/** One of our names with a number or an "S" after it: Marathon's PORT0, PORT1, PORTS. */
function numbered(name: string, ours: readonly string[]): boolean {
  const m = /^(.+?)(?:\d+|S)$/i.exec(name);
  return m !== null && ours.some((o) => o.toUpperCase() === (m[1] ?? "").toUpperCase());
}

/** Our names `name` is a near miss of, the closest first (ties all named). */
function nearest(name: string, ours: readonly string[]): string[] {
  const upper = name.toUpperCase();
  const near = ours
    .filter((o) => isNearMiss(upper, o.toUpperCase()))
    .map((o) => ({ o, distance: editDistance(upper, o.toUpperCase()) }));
  const best = Math.min(...near.map((n) => n.distance));
  return near.filter((n) => n.distance === best).map((n) => n.o);
}

function isNearMiss(name: string, ours: string): boolean {
  // A short name allows one slip only: HOME is two from HOST, NPM_TOKEN two from API_TOKEN.
  if (editDistance(name, ours) <= (ours.length >= 10 ? 2 : 1)) return true;
  // Our first word and one of our words, with a word of ours left out: SLACK_TOKEN,
  // SLACK_SECRET, LEARN_USERS, LEARN_MIN.
  const words = name.split("_");
  const oursWords = ours.split("_");
  if (words.length < 2 || words.length >= oursWords.length || words[0] !== oursWords[0])
    return false;
  const rest = words.slice(1).join("_");
  return (
    oursWords.slice(0, words.length).join("_") === name ||
    oursWords.slice(-(words.length - 1)).join("_") === rest
  );
}
