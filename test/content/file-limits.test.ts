/**
 * What `check` and the server say of playbook files that are not playbooks: one
 * too large to be one, and one that is not UTF-8 (which would otherwise load
 * with its bad bytes silently replaced).
 */
import { writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadContent, MAX_PLAYBOOK_BYTES } from "../../src/content/load.ts";
import { formatProblem } from "../../src/content/types.ts";
import { contentDir, playbook, VALID_BODY } from "../support/playbook-files.ts";

describe("playbook files that cannot be playbooks", () => {
  it("refuses a file over the size limit, naming it, and loads the rest", async () => {
    const big = `${playbook('title: "Big"', VALID_BODY)}\n${"Filler text. ".repeat(
      Math.ceil(MAX_PLAYBOOK_BYTES / 13) + 1,
    )}\n`;
    const dir = contentDir({ "a.md": playbook('title: "A"', VALID_BODY), "big.md": big });
    const { playbooks, problems } = await loadContent(dir);
    expect(playbooks.map((p) => p.title)).toEqual(["A"]);
    expect(problems.map((p) => formatProblem(p).replace(`${dir}/`, ""))).toEqual([
      `big.md:1: the file is ${Buffer.byteLength(big).toLocaleString("en-US")} bytes; a playbook may be at most 1,048,576 bytes`,
    ]);
  });

  it("reports bytes that are not UTF-8 at their line", async () => {
    const dir = contentDir({});
    const text = Buffer.from(playbook('title: "Latin"', VALID_BODY), "utf8");
    const bad = Buffer.concat([text, Buffer.from("Caf\xe9 au lait.\n", "latin1")]);
    writeFileSync(path.join(dir, "latin.md"), bad);
    const { playbooks, problems } = await loadContent(dir);
    expect(playbooks).toEqual([]);
    const line = text.toString("utf8").split("\n").length;
    expect(problems.map((p) => formatProblem(p).replace(`${dir}/`, ""))).toEqual([
      `latin.md:${line}: not valid UTF-8: save the file as UTF-8`,
    ]);
  });

  it("reads a file that starts with a byte order mark", async () => {
    const dir = contentDir({ "bom.md": `\ufeff${playbook('title: "Bom"', VALID_BODY)}` });
    const { playbooks, problems } = await loadContent(dir);
    expect(problems).toEqual([]);
    expect(playbooks[0]?.title).toBe("Bom");
  });
});
