/**
 * Reads every playbook in a folder. This is the content layer's only I/O.
 */

import { createHash } from "node:crypto";
import { readdir, readFile, stat } from "node:fs/promises";
import path from "node:path";
import type { Glossary, GlossaryNote } from "../answer/glossary.ts";
import { frontMatterKeyLine } from "./front-matter.ts";
import { glossaryNoteText, loadGlossary } from "./glossary-file.ts";
import { parsePlaybook } from "./playbook.ts";
import { slugify } from "./slug.ts";
import { ContentError, type ContentProblem, formatNote, type Playbook } from "./types.ts";

/**
 * Largest playbook file, in bytes. A playbook is a few pages (the seed is 13 kB); a file of
 * tens of megabytes is a mistake (a log or a dump saved as .md) that would hold start-up
 * for seconds and every question that searches it.
 */
export const MAX_PLAYBOOK_BYTES = 1024 * 1024;

export interface LoadResult {
  playbooks: Playbook[];
  /** The glossary in force: the shipped one with the folder's own `glossary.yml` over it. */
  glossary: Glossary;
  /** What the folder's glossary did to the shipped one's groups (joined, or took words from). */
  glossaryNotes: GlossaryNote[];
  problems: ContentProblem[];
  /**
   * What is valid but likely not meant, as `file:line: note` (a misspelt front matter key);
   * `unreadSubfolders` adds what only `check` looks for.
   */
  notes: ContentProblem[];
  /** A short hash of what was read (files' names and bytes, the glossary): equal versions, equal content. */
  version: string;
}

/** Valid content: what the engine is built from. */
export interface Library {
  playbooks: Playbook[];
  glossary: Glossary;
}

/**
 * Why a content folder cannot be read, named by its full path (a relative CONTENT_DIR is
 * read from wherever the server was started) and once.
 */
export function unreadableFolder(dir: string, error: unknown): ContentProblem {
  const where = path.resolve(dir);
  const code = (error as NodeJS.ErrnoException).code;
  const reason =
    code === "ENOENT"
      ? "folder not found"
      : code === "ENOTDIR"
        ? "not a folder"
        : code === "EACCES"
          ? "permission denied"
          : // Node's own words without the path it quotes: "ELOOP: too many symbolic links encountered".
            String((error as Error).message ?? error).replace(/, \w+ '.*'$/, "");
  return { file: where, line: 0, message: `cannot read content: ${reason}` };
}

/** Loads all `.md` files of `dir`, in file-name order. Never throws for bad content. */
export async function loadContent(dir: string): Promise<LoadResult> {
  let names: string[];
  try {
    names = (await readdir(dir, { withFileTypes: true }))
      // Links count: mounted content (a Kubernetes ConfigMap, a shared checkout) is often links.
      .filter((e) => (e.isFile() || e.isSymbolicLink()) && e.name.toLowerCase().endsWith(".md"))
      .map((e) => e.name)
      .sort();
  } catch (error) {
    const problem = unreadableFolder(dir, error);
    return {
      playbooks: [],
      glossary: { groups: [] },
      glossaryNotes: [],
      problems: [problem],
      notes: [],
      version: versionOf(createHash("sha256").update(problem.message)),
    };
  }
  // Hashed as read, so the version names exactly the bytes the playbooks came from.
  const hash = createHash("sha256");
  const problems: ContentProblem[] = [];
  const notes: ContentProblem[] = [];
  const playbooks: Playbook[] = [];
  const slugs = new Map<string, string>();
  /** Each title (lowercased) and the first file that has it. */
  const titles = new Map<string, string>();
  for (const name of names) {
    const file = path.join(dir, name);
    const read = await readPlaybookFile(file);
    // Lengths first, so no two different sets of files hash the same stream.
    hash.update(`${Buffer.byteLength(name)}:${name}:`);
    if ("problem" in read) {
      hash.update(`problem:${read.problem.message}\n`);
      problems.push(read.problem);
      continue;
    }
    hash.update(`${read.bytes.length}:`).update(read.bytes);
    const { source } = read;
    const result = parsePlaybook(file, source, slugFromFileName(name));
    problems.push(...result.problems);
    notes.push(...result.notes);
    if (result.slug === null) continue;
    const other = slugs.get(result.slug);
    if (other) {
      problems.push({
        file,
        line: 1,
        message: `slug "${result.slug}" is already used by ${other}`,
      });
      continue;
    }
    slugs.set(result.slug, file);
    if (!result.playbook) continue;
    // A playbook named in words ("incident response steps") is found by its title.
    const title = result.playbook.title.toLowerCase();
    const sameTitle = titles.get(title);
    if (sameTitle) {
      notes.push({
        file,
        line: frontMatterKeyLine(source, "title"),
        message: `title "${result.playbook.title}" is also ${path.basename(sameTitle)}'s: a playbook asked for by name finds the first`,
      });
    } else titles.set(title, file);
    playbooks.push(result.playbook);
  }
  if (names.length === 0)
    problems.push({
      file: path.resolve(dir),
      line: 0,
      message: "no playbooks: the folder holds no .md files",
    });
  const glossary = await loadGlossary(dir);
  problems.push(...glossary.problems);
  notes.push(...glossary.fileNotes);
  problems.sort((a, b) => (a.file === b.file ? a.line - b.line : a.file < b.file ? -1 : 1));
  hash.update(JSON.stringify({ glossary: glossary.glossary.groups, problems: glossary.problems }));
  return {
    playbooks,
    glossary: glossary.glossary,
    glossaryNotes: glossary.notes,
    problems,
    notes,
    version: versionOf(hash),
  };
}

/** Notes as `aifirst check` prints them and `serve` logs them: one line each. */
export function noteLines(notes: ContentProblem[], glossaryNotes: GlossaryNote[]): string[] {
  return [...notes.map(formatNote), ...glossaryNotes.map(glossaryNoteText)];
}

/**
 * Subfolders holding playbooks, which are not read (only the folder itself is): for `check`
 * to say so. Not part of loading, which a live server repeats on every edit.
 */
export async function unreadSubfolders(dir: string): Promise<ContentProblem[]> {
  const folders = (await readdir(dir, { withFileTypes: true }).catch(() => []))
    .filter((e) => e.isDirectory() && !e.name.startsWith("."))
    .map((e) => e.name);
  const notes: ContentProblem[] = [];
  for (const folder of folders.sort()) {
    const inside = await readdir(path.join(dir, folder)).catch(() => [] as string[]);
    if (inside.some((n) => n.toLowerCase().endsWith(".md"))) {
      notes.push({
        file: path.join(dir, folder),
        line: 0,
        message: `playbooks in a subfolder are not read: move them up into ${dir}`,
      });
    }
  }
  return notes;
}

function versionOf(hash: ReturnType<typeof createHash>): string {
  return hash.digest("hex").slice(0, 16);
}

/** A playbook file's text, or why it cannot be used: unreadable, too large, or not UTF-8. */
async function readPlaybookFile(
  file: string,
): Promise<{ source: string; bytes: Buffer } | { problem: ContentProblem }> {
  let bytes: Buffer;
  try {
    // Sized before it is read: a huge file is refused without being loaded.
    const { size } = await stat(file);
    if (size > MAX_PLAYBOOK_BYTES) {
      const bytes = (n: number) => `${n.toLocaleString("en-US")} bytes`;
      return {
        problem: {
          file,
          line: 1,
          message: `the file is ${bytes(size)}; a playbook may be at most ${bytes(MAX_PLAYBOOK_BYTES)}`,
        },
      };
    }
    bytes = await readFile(file);
  } catch (error) {
    // A broken link, a folder named *.md, no permission: say so, keep checking the rest.
    const code = (error as NodeJS.ErrnoException).code ?? "unreadable";
    return { problem: { file, line: 1, message: `cannot read the file (${code})` } };
  }
  try {
    return { source: UTF8.decode(bytes), bytes };
  } catch {
    return {
      problem: {
        file,
        line: firstInvalidLine(bytes),
        message: "not valid UTF-8: save the file as UTF-8",
      },
    };
  }
}

/** Decodes strictly: invalid bytes are an error rather than silently replaced (and a BOM is kept out). */
const UTF8 = new TextDecoder("utf-8", { fatal: true });

/** The 1-based line holding the first byte sequence that is not UTF-8. */
function firstInvalidLine(bytes: Buffer): number {
  let line = 1;
  let start = 0;
  for (let i = 0; i <= bytes.length; i++) {
    if (i < bytes.length && bytes[i] !== 0x0a) continue;
    try {
      new TextDecoder("utf-8", { fatal: true }).decode(bytes.subarray(start, i));
    } catch {
      return line;
    }
    line++;
    start = i + 1;
  }
  return 1;
}

/** Like loadContent, but refuses invalid content: serving half a library would hide errors. */
export async function loadContentStrict(dir: string): Promise<Playbook[]> {
  return (await loadLibrary(dir)).playbooks;
}

/** The playbooks and glossary of a folder; invalid content is a ContentError listing every problem. */
export async function loadLibrary(dir: string): Promise<Library> {
  const { playbooks, glossary, problems } = await loadContent(dir);
  if (problems.length > 0) throw new ContentError(problems);
  return { playbooks, glossary };
}

export function slugFromFileName(name: string): string {
  return slugify(name.replace(/\.md$/i, "")) || "playbook";
}
