/**
 * What anyone typed into a question, shown to the operator by `aifirst insights`: in a
 * terminal its control characters are shown, never run; in a file the export keeps them.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PassThrough } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { insightsCommand } from "../../../src/adapters/cli/store-commands.ts";
import { parseConfig } from "../../../src/config.ts";
import { openStore } from "../../../src/store/index.ts";
import { event, storeOptions } from "../../store/engines.ts";

const TYPED = "clear \u001b[2J\u001b]0;owned\u0007 \u202eevil";
let dataDir: string;

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), "aifirst-cli-tty-"));
  const store = await openStore(storeOptions({ dataDir }));
  store.record(event({ question: TYPED, kind: "fallback", sure: false, faq: null }));
  await store.close();
});
afterAll(() => rm(dataDir, { recursive: true, force: true }));

async function exportCsv(tty: boolean): Promise<string> {
  const stdout = Object.assign(new PassThrough(), { isTTY: tty });
  const stderr = new PassThrough();
  const chunks: Buffer[] = [];
  stdout.on("data", (c: Buffer) => chunks.push(c));
  const code = await insightsCommand(
    ["--export", "csv"],
    parseConfig({ DATA_DIR: dataDir, LOG_LEVEL: "silent" }),
    { stdout, stderr },
  );
  expect(code).toBe(0);
  return Buffer.concat(chunks).toString("utf8");
}

describe("aifirst insights --export csv", () => {
  it("shows a question's control characters in a terminal, rather than running them", async () => {
    const shown = await exportCsv(true);
    expect(shown).toContain("clear \uFFFD[2J\uFFFD]0;owned\uFFFD \uFFFDevil");
    for (const line of shown.split("\r\n")) expect(line).not.toMatch(/\p{Cc}|[\u202a-\u202e]/u);
    expect(shown.split("\r\n")).toHaveLength(3); // header, the event, and the end of the last line
  });

  it("writes them as they were typed into a file or a pipe", async () => {
    expect(await exportCsv(false)).toContain(TYPED);
  });
});
