/**
 * Front matter: YAML (or JSON, also data), validated with zod. Content is data, never code, so
 * gray-matter's JavaScript engines (which `eval` their input) are replaced.
 */
import matter from "gray-matter";
import { z } from "zod/v4";
import { osaDistance } from "../answer/spelling.ts";
import type { ContentProblem } from "./types.ts";

const slugPattern = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export const frontMatterSchema = z
  .object({
    title: z
      .string({ error: "front matter needs a `title` (text)" })
      .trim()
      .min(1, "`title` is empty"),
    slug: z
      .string({
        error: "`slug` must be text, e.g. `incident-response`; leave it out to use the file name",
      })
      .regex(
        slugPattern,
        "`slug` must be lowercase words joined by hyphens, e.g. `incident-response`",
      )
      .optional(),
    description: z
      .string({ error: "`description` must be text; leave it out if there is none" })
      .optional(),
    /** Overrides the computed FAQ -> step match: `{ "Question text?": 3 }`. */
    faqSteps: z
      .record(z.string(), z.number().int().positive("step numbers in `faqSteps` start at 1"), {
        error: '`faqSteps` must map questions to step numbers, e.g. `"How do we start?": 1`',
      })
      .optional(),
  })
  // Authors keep their own keys (category, images, dates...): they are kept, not checked.
  .passthrough();

export type FrontMatter = z.infer<typeof frontMatterSchema>;

const refuseCode = () => {
  throw new Error("front matter must be YAML; JavaScript front matter is not allowed");
};

export interface ParsedSource {
  data: FrontMatter | null;
  body: string;
  /** Line number (1-based) in the file where `body` starts. */
  bodyLine: number;
  problems: ContentProblem[];
  /** Keys kept but likely misspelt ("descripton"): said, though the file is valid. */
  notes: ContentProblem[];
  /** `faqSteps` when it is valid but the rest of the front matter is not. */
  faqSteps?: Record<string, number>;
}

export function parseFrontMatter(file: string, source: string): ParsedSource {
  const problems: ContentProblem[] = [];
  let parsed: matter.GrayMatterFile<string>;
  try {
    // A fresh options object on each call keeps gray-matter from returning cached, shared objects.
    parsed = matter(source, { engines: { js: refuseCode, javascript: refuseCode } });
  } catch (error) {
    // A quote left open shows up lines later, as whatever the next quote makes of the rest.
    const unclosed =
      unclosedQuoteLine(source, error) ?? lineWithOddQuote(source, yamlErrorLine(error));
    problems.push({
      file,
      line: unclosed ?? yamlErrorLine(error),
      message:
        unclosed !== undefined && !/quoted/.test((error as { reason?: string }).reason ?? "")
          ? "invalid YAML in front matter: a quote opened on this line is not closed on it"
          : describeYamlError(error, source),
    });
    return { data: null, body: "", bodyLine: 1, problems, notes: [] };
  }
  const bodyLine = lineCount(source) - lineCount(parsed.content) + 1;
  if (!parsed.matter && !/^---/.test(source)) {
    problems.push({
      file,
      line: 1,
      message:
        "missing front matter: start the file with a `---` YAML block holding at least `title`",
    });
    return { data: null, body: parsed.content, bodyLine, problems, notes: [] };
  }
  const notes = [
    ...misspeltKeys(file, source, parsed.data),
    ...runOnValues(file, source, parsed.data),
  ];
  const result = frontMatterSchema.safeParse(parsed.data);
  if (!result.success) {
    for (const issue of result.error.issues) {
      const key = String(issue.path[0] ?? "");
      problems.push({
        file,
        line: frontMatterKeyLine(source, key),
        // Every message names the key it is about, zod's own ones too.
        message:
          !key || issue.message.includes(`\`${key}\``)
            ? issue.message
            : `\`${key}\`: ${issue.message}`,
      });
    }
    // A valid `faqSteps` is still checked against the body, so that one run lists the file's
    // other problems too (a question it names that is not there, beside a bad `slug`).
    const raw = parsed.data as { faqSteps?: unknown } | undefined;
    const faqSteps = frontMatterSchema.shape.faqSteps.safeParse(raw?.faqSteps);
    return {
      data: null,
      ...(faqSteps.success && faqSteps.data ? { faqSteps: faqSteps.data } : {}),
      body: parsed.content,
      bodyLine,
      problems,
      notes,
    };
  }
  return { data: result.data, body: parsed.content, bodyLine, problems, notes };
}

/** The keys this product reads, as an author might misspell them. */
const KNOWN_KEYS = ["title", "slug", "description", "faqSteps"];

/**
 * Keys an author probably meant as one of ours ("descripton", "faq_steps", "Title"): kept like
 * any other key of theirs, but named, since what they hold is otherwise silently unused.
 */
function misspeltKeys(file: string, source: string, data: unknown): ContentProblem[] {
  if (!data || typeof data !== "object") return [];
  const bare = (key: string) => key.toLowerCase().replace(/[^a-z]/g, "");
  const notes: ContentProblem[] = [];
  for (const key of Object.keys(data)) {
    if (KNOWN_KEYS.includes(key)) continue;
    const meant = KNOWN_KEYS.find(
      (known) => bare(key) === bare(known) || osaDistance(bare(key), bare(known)) <= 1,
    );
    if (meant) {
      notes.push({
        file,
        line: frontMatterKeyLine(source, key),
        message: `front matter key "${key}" is not read: did you mean "${meant}"?`,
      });
    }
  }
  return notes;
}

/**
 * A value that runs on into the next key (`title: "Rollouts` then `description: "How..."`: the
 * title's quote closes at the description's, and the title reads "Rollouts description: ").
 * Valid YAML, so a note naming the line where the quote was left open.
 */
function runOnValues(file: string, source: string, data: unknown): ContentProblem[] {
  if (!data || typeof data !== "object") return [];
  const notes: ContentProblem[] = [];
  for (const key of KNOWN_KEYS) {
    const value = (data as Record<string, unknown>)[key];
    if (typeof value !== "string") continue;
    // The swallowed key ends the value ("Rollouts description: "): a "title:" inside it is text.
    const next = KNOWN_KEYS.find((k) => new RegExp(`(?:^|\\s)${k}:\\s*$`).test(value));
    if (next) {
      notes.push({
        file,
        line: frontMatterKeyLine(source, key),
        message: `\`${key}\` runs on into "${next}:" (it reads "${value.trim()}"): a quote opened on this line is not closed on it`,
      });
    }
  }
  return notes;
}

function lineCount(text: string): number {
  let n = 1;
  for (let i = text.indexOf("\n"); i !== -1; i = text.indexOf("\n", i + 1)) n++;
  return n;
}

/**
 * js-yaml counts lines from 0 within the text gray-matter hands it, which starts
 * with the rest of the opening `---` line (line 1 of the file).
 */
function yamlErrorLine(error: unknown): number {
  const mark = (error as { mark?: { line?: number } }).mark;
  return typeof mark?.line === "number" ? mark.line + 1 : 1;
}

/**
 * A quote left open runs to the end of the front matter, where js-yaml notices: the
 * line to fix is where it opened.
 */
function unclosedQuoteLine(source: string, error: unknown): number | undefined {
  const reason = (error as { reason?: string }).reason ?? "";
  const quote = /within a double quoted/.test(reason)
    ? '"'
    : /within a single quoted/.test(reason)
      ? "'"
      : undefined;
  if (!quote) return undefined;
  const lines = source.split("\n");
  let openedAt: number | undefined;
  for (let i = 1; i < lines.length && lines[i]?.trim() !== "---"; i++) {
    // Escaped quotes ("\"" in double quotes, '' in single ones) neither open nor close.
    const line: string = (lines[i] ?? "").replace(quote === '"' ? /\\./g : /''/g, "");
    for (const ch of line) {
      if (ch === quote) openedAt = openedAt === undefined ? i + 1 : undefined;
    }
  }
  return openedAt;
}

/**
 * The first front matter line whose value opens a double quote it does not close (or starts
 * with a single quote it does not close): the likeliest cause of a YAML error further down.
 */
function lineWithOddQuote(source: string, before: number): number | undefined {
  const lines = source.split("\n");
  for (let i = 1; i < Math.min(lines.length, before) && lines[i]?.trim() !== "---"; i++) {
    const value = (lines[i] ?? "").replace(/^[^:]*:\s*/, "");
    // Only a value that is quoted: a quote inside plain text ('27" monitor') opens nothing.
    const quote = value[0];
    if (quote !== '"' && quote !== "'") continue;
    const rest = quote === '"' ? value.replace(/\\./g, "") : value.replace(/''/g, "");
    if ((rest.split(quote).length - 1) % 2 === 1) return i + 1;
  }
  return undefined;
}

function describeYamlError(error: unknown, source: string): string {
  const e = error as { name?: string; reason?: string; message?: string };
  if (e.name === "YAMLException") {
    const reason = e.reason ?? "syntax error";
    // The usual causes: a key indented unlike its neighbours, or a value with ": " in it,
    // which YAML reads as another key. An indent is the cause when the line is one of ours.
    const quote = ' (a value holding ": " needs quotes: title: "On-call: the guide")';
    const indent = " (each key starts at the start of its line, and faqSteps' questions line up)";
    const flagged = source.split("\n")[yamlErrorLine(error) - 1]?.trim() ?? "";
    const ours = /^["']/.test(flagged) || KNOWN_KEYS.some((k) => flagged.startsWith(`${k}:`));
    const hint =
      /bad indentation/.test(reason) && ours ? indent : /mapping/.test(reason) ? quote : "";
    return `invalid YAML in front matter: ${reason}${hint}`;
  }
  return e.message ?? "unreadable front matter";
}

/** The line of `key:` in the front matter, or 1 when the key is absent. */
export function frontMatterKeyLine(source: string, key: string): number {
  if (!key) return 1;
  const lines = source.split("\n");
  const end = lines.indexOf("---", 1);
  for (let i = 1; i < (end === -1 ? lines.length : end); i++) {
    if (lines[i]?.startsWith(`${key}:`)) return i + 1;
  }
  return 1;
}
