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

  it("leaves French text alone: an accented capital or é before a no-break space", () => {
    // Both pairs decode as UTF-8 too ("ɠ", "頻"), but no playbook's mojibake stands for them.
    for (const text of [
      "Voir la page «\u00a0sécurité\u00a0». Contact\u00a0: ÉQUIPE SÉCURITÉ\u00a0!",
      "CAFÉ\u00a0: ouvert",
    ]) {
      expect(repairMojibake(text)).toBe(text);
    }
    // While the mojibake of Latin letters, punctuation and emoji is still repaired.
    expect(repairMojibake("voil\u00c3\u00a0, caf\u00c3\u00a9, it\u00e2\u20ac\u2122s")).toBe(
      "voilà, café, it’s",
    );
    expect(repairMojibake("\u00f0\u0178\u0161\u20ac launch")).toBe("🚀 launch");
    // Emoji with a variation selector, and accents typed as marks of their own, too.
    const high = "€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ";
    const asCp1252 = (text: string) =>
      [...Buffer.from(text)]
        .map((b) => (b >= 0x80 && b < 0xa0 ? high.charAt(b - 0x80) : String.fromCharCode(b)))
        .join("");
    for (const text of ["⚠️ careful", "1️⃣ one", "cafe\u0301", "한국어"]) {
      expect(repairMojibake(asCp1252(text))).toBe(text);
    }
  });

  it("repairs the seed playbook's description", async () => {
    const [seed] = await loadContentStrict("content");
    expect(JSON.stringify(seed)).not.toMatch(/â€/);
  });
});
