/**
 * The default log output, as whoever reads a server's stderr sees it: every
 * line, in order, whether the process ends normally, is stopped with
 * process.exit, or crashes; lines logged in one busy stretch leave in one write.
 */
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const LOG = fileURLToPath(new URL("../../src/log.ts", import.meta.url));

/** Runs `body` in a fresh Node process with `createLogger` imported; returns its stderr lines. */
function run(body: string): { lines: string[]; status: number | null } {
  const script = `import { createLogger } from ${JSON.stringify(LOG)};
const logger = createLogger({ format: "json" });
${body}`;
  const child = spawnSync(
    process.execPath,
    ["--import", "tsx", "--input-type=module", "-e", script],
    {
      encoding: "utf8",
    },
  );
  const lines = child.stderr
    .split("\n")
    .filter((l) => l.startsWith("{") || l.startsWith("direct"))
    .map((l) => (l.startsWith("{") ? (JSON.parse(l) as { msg: string }).msg : l));
  return { lines, status: child.status };
}

describe("log lines on stderr", () => {
  it("are all written, in order, when the process ends by itself", () => {
    const { lines } = run(`for (let i = 0; i < 500; i++) logger.info("line " + i);`);
    expect(lines).toEqual(Array.from({ length: 500 }, (_, i) => `line ${i}`));
  });

  it("are all written when the process exits at once", () => {
    const { lines, status } = run(`logger.info("stopped"); process.exit(3);`);
    expect(lines).toEqual(["stopped"]);
    expect(status).toBe(3);
  });

  it("are all written when the process crashes", () => {
    const { lines, status } = run(
      `setTimeout(() => { logger.info("before the crash"); throw new Error("boom"); }, 0);`,
    );
    expect(lines).toEqual(["before the crash"]);
    expect(status).not.toBe(0);
  });

  it("keep their order around a warning and text written to stderr directly", () => {
    const { lines } = run(
      `logger.info("one"); logger.warn("two"); process.stderr.write("direct three\\n"); logger.info("four");`,
    );
    expect(lines).toEqual(["one", "two", "direct three", "four"]);
  });

  it("logged in one stretch of work leave in one write", () => {
    const { lines } = run(`
const real = process.stderr.write.bind(process.stderr);
let writes = 0;
process.stderr.write = (chunk, ...rest) => { writes++; return real(chunk, ...rest); };
for (let i = 0; i < 100; i++) logger.info("request " + i);
setImmediate(() => setImmediate(() => real("direct writes=" + writes + "\\n")));`);
    expect(lines.at(-1)).toBe("direct writes=1");
    expect(lines).toHaveLength(101);
  });
});
