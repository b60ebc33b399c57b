import { describe, expect, it } from "vitest";
import { createBot } from "../../src/answer/bot.ts";
import { loadContentStrict } from "../../src/content/load.ts";
import { repairMojibake } from "../../src/content/mojibake.ts";
import { say } from "../support/converse.ts";
import { contentDir, playbook } from "../support/playbook-files.ts";

describe("mojibake repair", () => {
  it("turns UTF-8 read as Windows-1252 back into the intended characters", () => {
    expect(repairMojibake("anymoreâ€”it's")).toBe("anymore—it's");
    expect(repairMojibake("weâ€™re â€œquotedâ€\u009d")).toBe("we’re “quoted”");
    expect(repairMojibake("cafÃ© naÃ¯ve")).toBe("café naïve");
  });

  it("leaves genuine Latin-1 and plain text alone", () => {
    expect(repairMojibake("café déjà vu")).toBe("café déjà vu");
    expect(repairMojibake("plain ascii")).toBe("plain ascii");
  });

  it("never shows mojibake in any reply built from broken content", async () => {
    const body =
      "### Step 1: Plan â€” carefully\n\nDonâ€™t rush.\n\n## FAQ\n\n### Whatâ€™s the plan?\n\nItâ€™s simple â€” start.\n";
    const dir = contentDir({ "a.md": playbook('title: "Broken â€” title"', body) });
    const bot = createBot(await loadContentStrict(dir));
    for (const q of ["step 1", "what's the plan", "faq", "steps", "help", "plan carefully"]) {
      const { reply, text } = say(bot, q);
      expect(JSON.stringify(reply)).not.toMatch(/â€|Ã/);
      expect(text).not.toMatch(/â€|Ã/);
    }
    expect(bot.ask("step 1").reply.step?.title).toBe("Plan — carefully");
  });

  it("repairs the seed playbook's description", async () => {
    const [seed] = await loadContentStrict("content");
    expect(JSON.stringify(seed)).not.toMatch(/â€/);
  });
});
