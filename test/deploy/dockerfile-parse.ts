/**
 * Just enough of Docker's file formats to check ours against the repository:
 * a Dockerfile split into stages and instructions, and `.dockerignore`
 * matching as Docker does it (patterns from the context's root, `**` across
 * folders, `!` exceptions, the last matching line wins, a matched folder
 * takes its contents with it).
 */

export interface Instruction {
  /** Upper-cased: FROM, COPY, RUN... */
  keyword: string;
  /** Everything after the keyword, continuation lines joined. */
  args: string;
  /** 1-based line the instruction starts on, for messages. */
  line: number;
}

export interface Stage {
  base: string;
  name: string | undefined;
  instructions: Instruction[];
}

export function parseDockerfile(text: string): Stage[] {
  const stages: Stage[] = [];
  const lines = text.split("\n");
  for (let i = 0; i < lines.length; i++) {
    const first = lines[i]?.trim() ?? "";
    if (first === "" || first.startsWith("#")) continue;
    const start = i + 1;
    let joined = first;
    // A trailing backslash continues the instruction; comment lines inside it are dropped.
    while (joined.endsWith("\\") && i + 1 < lines.length) {
      joined = joined.slice(0, -1);
      const next = lines[++i]?.trim() ?? "";
      if (!next.startsWith("#")) joined += ` ${next}`;
    }
    const match = /^(\S+)\s*(.*)$/s.exec(joined.trim());
    if (!match) continue;
    const keyword = (match[1] ?? "").toUpperCase();
    const args = (match[2] ?? "").replace(/\s+/g, " ").trim();
    if (keyword === "FROM") {
      const [base = "", as, name] = args.split(" ").filter((w) => !w.startsWith("--"));
      stages.push({ base, name: as?.toUpperCase() === "AS" ? name : undefined, instructions: [] });
      continue;
    }
    const stage = stages.at(-1);
    if (!stage) throw new Error(`Dockerfile:${start}: ${keyword} before any FROM`);
    stage.instructions.push({ keyword, args, line: start });
  }
  return stages;
}

export interface Copy {
  from: string | undefined;
  sources: string[];
  dest: string;
  line: number;
}

/** A COPY's `--from`, sources and destination (shell or JSON form). */
export function parseCopy(instruction: Instruction): Copy {
  let words: string[];
  let flags: string[] = [];
  const json = /^((?:--\S+\s+)*)(\[.*\])$/.exec(instruction.args);
  if (json) {
    flags = (json[1] ?? "").trim().split(" ").filter(Boolean);
    words = JSON.parse(json[2] ?? "[]") as string[];
  } else {
    const all = instruction.args.split(" ");
    flags = all.filter((w) => w.startsWith("--"));
    words = all.filter((w) => !w.startsWith("--"));
  }
  const from = flags.find((f) => f.startsWith("--from="))?.slice("--from=".length);
  const dest = words.at(-1) ?? "";
  return { from, sources: words.slice(0, -1), dest, line: instruction.line };
}

/** `ENV A=1 B=2` (or the old `ENV A 1`) as a map. */
export function parseEnv(instruction: Instruction): Record<string, string> {
  const out: Record<string, string> = {};
  if (!instruction.args.includes("=")) {
    const [key = "", ...value] = instruction.args.split(" ");
    out[key] = value.join(" ");
    return out;
  }
  for (const m of instruction.args.matchAll(/(\w+)=("([^"]*)"|\S*)/g)) {
    out[m[1] ?? ""] = m[3] ?? m[2] ?? "";
  }
  return out;
}

/** An exec-form argument list (`["node", "x"]`), or undefined for the shell form. */
export function execForm(args: string): string[] | undefined {
  if (!args.startsWith("[")) return undefined;
  const parsed: unknown = JSON.parse(args);
  return Array.isArray(parsed) && parsed.every((a) => typeof a === "string") ? parsed : undefined;
}

interface IgnoreRule {
  exclude: boolean;
  pattern: RegExp;
  text: string;
}

/** Compiles `.dockerignore` into a predicate over context-relative paths (`src/main.ts`). */
export function dockerignore(text: string): (path: string) => string | undefined {
  const rules: IgnoreRule[] = [];
  for (const raw of text.split("\n")) {
    const line = raw.trim();
    if (line === "" || line.startsWith("#")) continue;
    const exclude = !line.startsWith("!");
    const body = (exclude ? line : line.slice(1)).replace(/^\/+/, "").replace(/\/+$/, "");
    rules.push({ exclude, pattern: globToRegExp(body), text: line });
  }
  return (path: string) => {
    // A rule matching any parent folder matches the file; the last matching rule decides.
    const parts = path.split("/");
    let verdict: IgnoreRule | undefined;
    for (const rule of rules) {
      for (let n = 1; n <= parts.length; n++) {
        if (rule.pattern.test(parts.slice(0, n).join("/"))) {
          verdict = rule;
          break;
        }
      }
    }
    return verdict?.exclude ? verdict.text : undefined;
  };
}

function globToRegExp(glob: string): RegExp {
  let out = "";
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i] ?? "";
    if (c === "*" && glob[i + 1] === "*") {
      // `**/` is any number of folders, including none.
      out += glob[i + 2] === "/" ? "(?:.*/)?" : ".*";
      i += glob[i + 2] === "/" ? 2 : 1;
    } else if (c === "*") out += "[^/]*";
    else if (c === "?") out += "[^/]";
    else out += c.replace(/[.+^${}()|[\]\\]/g, "\\$&");
  }
  return new RegExp(`^${out}$`);
}
