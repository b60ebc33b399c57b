/**
 * Glossary files: the default engineering glossary shipped with the product
 * (`glossary/engineering.yml`) and a content folder's own `glossary.yml`,
 * read and validated into the glossary the engine applies. Problems are
 * reported as `file:line: problem`, like a playbook's.
 *
 *   synonyms:
 *     - [product director, product manager]   # the first is how all are read
 *     - [ai, claude, cursor]
 *   default: false                            # optional: leave out the shipped glossary
 */
import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { isMap, isSeq, LineCounter, parseDocument } from "yaml";
import { z } from "zod/v4";
import { type Glossary, type GlossaryNote, mergeGlossaries } from "../answer/glossary.ts";
import type { ContentProblem } from "./types.ts";

/** The file a content folder keeps its own words in. */
export const GLOSSARY_FILE = "glossary.yml";
const GLOSSARY_FILE_YAML = "glossary.yaml";

const LONGEST_PHRASE = 100;

const phraseSchema = z
  .string({ error: "each phrase must be text" })
  .trim()
  .min(1, "a phrase is empty")
  .max(LONGEST_PHRASE, `a phrase is over ${LONGEST_PHRASE} characters`);

const glossarySchema = z
  .object(
    {
      synonyms: z
        .array(
          z
            .array(phraseSchema, { error: "each group must be a list, e.g. [pull request, pr]" })
            .min(2, "a group needs at least two phrases that mean the same"),
          { error: "`synonyms` must be a list of groups, e.g. - [pull request, pr]" },
        )
        .default([]),
      default: z.boolean({ error: "`default` must be true or false" }).default(true),
    },
    {
      error:
        "a glossary holds `synonyms:`, a list of groups (- [pull request, pr]), and may hold `default`",
    },
  )
  .strict();

export interface GlossaryFile {
  glossary: Glossary;
  /** Whether the shipped default glossary applies too. */
  withDefault: boolean;
  problems: ContentProblem[];
  /** What does no harm but is likely a slip: a phrase written twice in one group. */
  notes: ContentProblem[];
}

/** Parses a glossary file's text; never throws. */
export function parseGlossary(file: string, source: string): GlossaryFile {
  const lines = new LineCounter();
  const doc = parseDocument(source, { lineCounter: lines, prettyErrors: false });
  const lineAt = (offset: number | undefined) =>
    offset === undefined ? 1 : lines.linePos(offset).line;
  const problems: ContentProblem[] = doc.errors.map((e) => ({
    file,
    line: lineAt(e.pos[0]),
    message: `invalid YAML: ${e.message.split("\n")[0]}`,
  }));
  if (problems.length > 0)
    return { glossary: { groups: [] }, withDefault: true, problems, notes: [] };
  const result = glossarySchema.safeParse(doc.toJS() ?? {});
  if (!result.success) {
    for (const issue of result.error.issues) {
      if (issue.code === "unrecognized_keys") {
        for (const key of issue.keys) {
          const node = isMap(doc.contents)
            ? doc.contents.items.find((p) => String((p.key as { value?: unknown })?.value) === key)
            : undefined;
          const offset = (node?.key as { range?: number[] } | undefined)?.range?.[0];
          problems.push({
            file,
            line: lineAt(offset),
            message: `unknown key "${key}": a glossary holds \`synonyms\` and \`default\``,
          });
        }
        continue;
      }
      // The line of the node the issue is about, as far down the path as the document goes.
      let node: unknown = doc.contents;
      let offset = (doc.contents as { range?: number[] } | null)?.range?.[0];
      for (const key of issue.path) {
        const child: unknown =
          isMap(node) || isSeq(node) ? node.get(key as string | number, true) : undefined;
        if (!child) break;
        node = child;
        offset = (child as { range?: number[] }).range?.[0] ?? offset;
      }
      // "group 2, phrase 1", counted from 1 as the duplicate-phrase message counts groups.
      const [, group, phrase] = issue.path;
      const where =
        issue.path[0] === "synonyms" && typeof group === "number"
          ? `group ${group + 1}${typeof phrase === "number" ? `, phrase ${phrase + 1}` : ""}: `
          : issue.path.length
            ? `\`${issue.path.join(".")}\`: `
            : "";
      problems.push({ file, line: lineAt(offset), message: `${where}${issue.message}` });
    }
    // A phrase in two groups is listed too, so that one run of `check` shows every problem.
    const raw = (doc.toJS() as { synonyms?: unknown } | null)?.synonyms;
    // Each phrase as the schema reads it; those it refuses are reported above.
    const phrases = (g: unknown) =>
      Array.isArray(g) ? g.flatMap((p) => phraseSchema.safeParse(p).data ?? []) : [];
    const groups = Array.isArray(raw) ? raw.map(phrases) : [];
    const repeated = repeatedPhrases(file, doc, groups, lineAt);
    problems.push(...repeated.problems);
    problems.sort((a, b) => a.line - b.line);
    return { glossary: { groups: [] }, withDefault: true, problems, notes: repeated.notes };
  }
  const repeated = repeatedPhrases(file, doc, result.data.synonyms, lineAt);
  return {
    glossary: { groups: result.data.synonyms },
    withDefault: result.data.default,
    problems: [...problems, ...repeated.problems],
    notes: repeated.notes,
  };
}

/**
 * A phrase in two groups of one file is a problem: which group reads it would be a matter of
 * order. Twice in one group it is a note: harmless, but likely a slip for another phrase.
 */
function repeatedPhrases(
  file: string,
  doc: ReturnType<typeof parseDocument>,
  groups: string[][],
  lineAt: (offset: number | undefined) => number,
): { problems: ContentProblem[]; notes: ContentProblem[] } {
  const problems: ContentProblem[] = [];
  const notes: ContentProblem[] = [];
  const seen = new Map<string, number>();
  groups.forEach((group, i) => {
    const node = (doc.get("synonyms", true) as { items?: Array<{ range?: number[] }> } | undefined)
      ?.items?.[i];
    const line = lineAt(node?.range?.[0]);
    const inThisGroup = new Set<string>();
    for (const phrase of group) {
      const key = phrase.toLowerCase();
      const first = seen.get(key);
      if (first !== undefined && first !== i) {
        problems.push({
          file,
          line,
          message: `"${phrase}" is in two groups (${first + 1} and ${i + 1}): join them into one, or, if it means two things, keep it in only one group`,
        });
      } else if (inThisGroup.has(key)) {
        notes.push({
          file,
          line,
          message: `"${phrase}" is twice in group ${i + 1}: once is enough`,
        });
      }
      inThisGroup.add(key);
      seen.set(key, i);
    }
  });
  return { problems, notes };
}

/** Where the shipped default glossary is: `glossary/engineering.yml` at the package's root. */
export function defaultGlossaryPath(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const candidate = path.join(dir, "glossary", "engineering.yml");
    if (existsSync(candidate)) return candidate;
    const parent = path.dirname(dir);
    if (parent === dir) return candidate;
    dir = parent;
  }
}

/**
 * The glossary in force for a content folder: the shipped default (unless the folder's
 * own says `default: false`) with the folder's `glossary.yml` over it.
 */
export async function loadGlossary(contentDir: string): Promise<{
  glossary: Glossary;
  notes: GlossaryNote[];
  problems: ContentProblem[];
  /** The folder's own glossary file's notes (the shipped one has none). */
  fileNotes: ContentProblem[];
}> {
  // YAML tools write either ending: `glossary.yaml` is read too, but not beside `glossary.yml`.
  const yml = path.join(contentDir, GLOSSARY_FILE);
  const yaml = path.join(contentDir, GLOSSARY_FILE_YAML);
  const hasYaml = existsSync(yaml);
  const both = hasYaml && existsSync(yml);
  const own = await readGlossary(hasYaml && !both ? yaml : yml, true);
  if (both) {
    own.problems.push({
      file: yaml,
      line: 1,
      message: `a second glossary beside ${GLOSSARY_FILE}: keep one of the two files`,
    });
  }
  const shipped = own.withDefault
    ? await readGlossary(defaultGlossaryPath(), false)
    : { glossary: { groups: [] }, problems: [] };
  const { notes, ...glossary } = mergeGlossaries([shipped.glossary, own.glossary]);
  return {
    glossary,
    notes,
    problems: [...shipped.problems, ...own.problems],
    fileNotes: own.notes,
  };
}

async function readGlossary(file: string, optional: boolean): Promise<GlossaryFile> {
  let source: string;
  try {
    source = await readFile(file, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (optional && code === "ENOENT")
      return { glossary: { groups: [] }, withDefault: true, problems: [], notes: [] };
    return {
      glossary: { groups: [] },
      withDefault: true,
      problems: [{ file, line: 1, message: `cannot read the glossary (${code ?? "unreadable"})` }],
      notes: [],
    };
  }
  return parseGlossary(file, source);
}

/** One line on the abbreviations a content glossary group took from a shipped one. */
export function glossaryNoteText({ group, earlier, took }: GlossaryNote): string {
  const words = took.map((w) => `"${w}"`).join(", ");
  const reads = took.length === 1 ? "it reads" : "they read";
  return `glossary: [${group.join(", ")}] takes ${words} from the group "${earlier[0]}": ${reads} as "${group[0]}" now`;
}
