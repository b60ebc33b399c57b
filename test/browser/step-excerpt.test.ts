/**
 * The step shown beside an FAQ answer, in Chromium: its excerpt's Markdown (code,
 * emphasis) is rendered as it is when the step is opened, not shown as raw text.
 */
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { playbook } from "../support/playbook-files.ts";
import { askByTyping, openPlayground, type Playground, skipBrowser } from "./harness.ts";

describe.skipIf(skipBrowser)("a step's excerpt in the playground", () => {
  let playground: Playground;
  let dir: string;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "aifirst-content-"));
    await writeFile(
      join(dir, "deploys.md"),
      playbook(
        'title: "Deploys"\nfaqSteps:\n  "How do I promote a canary?": 1',
        "### Step 1: Promote the Canary\n\nRun `deployctl promote <service>` **after** the checks pass.\n\n## FAQ\n\n### How do I promote a canary?\n\nWith the promote command, once the canary is green.",
      ),
    );
    playground = await openPlayground({ env: { CONTENT_DIR: dir } });
  });
  afterAll(async () => {
    await playground?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it("renders code and emphasis, escaped", async () => {
    const reply = await askByTyping(playground.page, "how do i promote a canary");
    const excerpt = reply.locator(".step-excerpt");
    expect(await excerpt.locator("code").textContent()).toBe("deployctl promote <service>");
    expect(await excerpt.locator("strong").textContent()).toBe("after");
    expect(await excerpt.textContent()).not.toContain("`");
  });
});
