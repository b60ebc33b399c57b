/**
 * The README's "Writing playbooks" example is where a new author starts: copied
 * as it stands, it must pass `aifirst check` and answer as it says.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { createBot } from "../../src/answer/bot.ts";
import { loadLibrary } from "../../src/content/load.ts";
import { contentDir } from "../support/playbook-files.ts";

/** The README's fenced blocks of one language, in order. */
function blocks(language: string): string[] {
  const readme = readFileSync("README.md", "utf8");
  return [
    ...readme.matchAll(new RegExp(`^( *)\`\`\`${language}\\n([\\s\\S]*?)^\\1\`\`\``, "gm")),
  ].map((m) => (m[2] as string).replace(new RegExp(`^${m[1]}`, "gm"), ""));
}

describe("the README's example playbook", () => {
  it("loads with its glossary, and answers its alternate with its FAQ and the step named", async () => {
    const [playbook] = blocks("markdown");
    const [glossary] = blocks("yaml");
    expect(playbook).toMatch(/^---\ntitle:/);
    expect(glossary).toMatch(/^synonyms:/);
    const dir = contentDir({
      "incident-response.md": playbook as string,
      "glossary.yml": glossary as string,
    });
    const library = await loadLibrary(dir);
    const bot = createBot(library.playbooks, { glossary: library.glossary });
    const { reply } = bot.ask("who runs the incident");
    expect(reply.faq?.question).toBe("Who should be the incident commander?");
    expect(reply.step?.number).toBe(2);
  });
});
