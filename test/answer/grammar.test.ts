import { spawnSync } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadEvalSet } from "../../scripts/lib/eval-set.ts";
import {
  botNames,
  POLITE_ENDINGS,
  parseCommand,
  TRAIL,
  withoutOpener,
  withoutTrail,
} from "../../src/answer/grammar.ts";

describe("the command grammar", () => {
  it.each([
    ["step 3", { number: 3 }],
    ["Step 3", { number: 3 }],
    ["STEP THREE", { number: 3 }],
    ["step #3", { number: 3 }],
    ["what's step 5?", { number: 5 }],
    ["show me step 2 please", { number: 2 }],
    ["the third step", { number: 3 }],
    ["step 3 incident-response", { number: 3, playbook: "incident-response" }],
    ["step 3 of Incident Response", { number: 3, playbook: "incident-response" }],
    ["step 3 of the playbook", { number: 3 }],
    ["step 3 of the incident response playbook", { number: 3, playbook: "incident-response" }],
    ["step 2 of the incident response docs", { number: 2, playbook: "incident-response" }],
    ["step governance", { number: null, words: "governance" }],
    ["/aifirst step 3", { number: 3 }],
    // Pasted or typed on a phone: curly apostrophes, tabs, line breaks, runs of spaces.
    ["what\u2019s  step\t3?", { number: 3 }],
    ["what\u2018s step 3", { number: 3 }],
    ["/aifirst   step\n3", { number: 3 }],
    ["  STEP\u00a03  ", { number: 3 }],
    ["the last step", { number: "last" }],
    ["whats step 5", { number: 5 }],
    // The chat before a command.
    ["hey, what's step 3?", { number: 3 }],
    ["hi team, step 3 please", { number: 3 }],
    ["noob question: what is step 3", { number: 3 }],
    ["hello there! what's step 2", { number: 2 }],
    ["hey bot, step 6", { number: 6 }],
    ["hi bot: step 6", { number: 6 }],
    ["hi bot step 6", { number: 6 }],
    ["hey bot! step 3", { number: 3 }],
    ["hey bot. what is step 2", { number: 2 }],
    ["bot - step 3", { number: 3 }],
    ["bot step 3", { number: 3 }],
    ["bot: step 6", { number: 6 }],
    ["thanks, step 6 please", { number: 6 }],
    // Ways of asking engineers type that the first rounds missed.
    ["whats in step 4", { number: 4 }],
    ["can you pull up step 6 for me? thx", { number: 6 }],
    ["gimme step 2", { number: 2 }],
    ["can i see step #2", { number: 2 }],
    ["what was step 3 again?", { number: 3 }],
    ["what was the last step again?", { number: "last" }],
    // The count after it names no playbook.
    ["step 3 of 7", { number: 3 }],
    ["step 3 out of 7", { number: 3 }],
    ["step three pls thx", { number: 3 }],
    ["remind me what step 4 was", { number: 4 }],
    ["what step 4 is about", { number: 4 }],
    // "what" typed in a hurry, and a step asked for as a follow-up.
    ["whts step 4", { number: 4 }],
    ["wht's in step 4", { number: 4 }],
    ["what about step 4", { number: 4 }],
    ["and step 5?", { number: 5 }],
    ["the governance step", { number: null, words: "governance" }],
    // A slip of "step" before a number, typed in a hurry.
    ["setp 3", { number: 3 }],
    ["stpe3", { number: 3 }],
    ["sterp 4?", { number: 4 }],
    ["whats steo three", { number: 3 }],
    ["could you show me setp three", { number: 3 }],
    ["could you please show me the setp 3", { number: 3 }],
    ["stepp 3", { number: 3 }],
    ["steps3", { number: 3 }],
    // ... also inside a longer command, before a number or after "first", "last" and the like.
    ["what's stepp 3: what does it mean", { number: 3 }],
    ["the first stpe", { number: 1 }],
    ["hi bot the last stpe", { number: "last" }],
    ["final step of incident-response", { number: "last", playbook: "incident-response" }],
    // What a step says, asked after naming it: no playbook is named.
    ["step 3: what is it", { number: 3 }],
    ["step 3 - what does it mean?", { number: 3 }],
    ["step 3, whats that about", { number: 3 }],
    ["explain step 3 to me", { number: 3 }],
    ["step 4 how does it work", { number: 4 }],
    ["step 2: what should we do here?", { number: 2 }],
    ["what does step 5 say", { number: 5 }],
    ["help me with step 2", { number: 2 }],
    ["can you help with step 5?", { number: 5 }],
    ["2nd step", { number: 2 }],
    ["the 3rd step", { number: 3 }],
  ])("reads %j as a step", (input, expected) => {
    expect(parseCommand(input)).toEqual({ type: "step", words: "", playbook: null, ...expected });
  });

  it("reads words after a step number as a playbook's name, or as a question if none is so named", () => {
    expect(parseCommand("step 2 marketing")).toEqual({
      type: "step",
      number: 2,
      words: "",
      playbook: "marketing",
    });
    expect(parseCommand("step 3: what should we do when teams resist?")).toEqual({
      type: "step",
      number: 3,
      words: "",
      playbook: "what-should-we-do-when-teams-resist",
      orQuestion: true,
    });
    expect(parseCommand("step 3 of the incident response playbook")).not.toHaveProperty(
      "orQuestion",
    );
    // A guide or a doc may be a playbook so called, or the words of a question.
    expect(parseCommand("what's step 4 in the code review guide")).toEqual({
      type: "step",
      number: 4,
      words: "",
      playbook: "code-review",
      orQuestion: true,
    });
    expect(parseCommand("step 3 in our playbook")).toMatchObject({ number: 3, playbook: null });
  });

  it.each([
    ["where do i start", null],
    ["Where do I start?", null],
    ["where should we begin", null],
    ["how do we get started", null],
    ["how to get started", null],
    ["getting started", null],
    ["so where do we start here", null],
    ["hey where do i even begin", null],
    ["how do i start with this", null],
    ["where do we start with this playbook", null],
    ["how do i get started with our playbook", null],
    ["what should i do first?", null],
    ["whats the first thing to do", null],
    ["what do we do first in the code review playbook", "code-review"],
    ["where do we start with the incident response playbook", "incident-response"],
    ["hi! where do we begin?", null],
    ["ok so where do i start", null],
  ])("reads %j as the first step", (input, playbook) => {
    expect(parseCommand(input)).toEqual({ type: "step", number: "first", words: "", playbook });
  });

  it.each([
    ["how do we get started with incident response?", "incident-response"],
    ["where do i start with ai strategy", "ai-strategy"],
    ["getting started with copilot", "copilot"],
    ["what's the first thing to do in code-review?", "code-review"],
    ["where do we begin on the postmortem", "postmortem"],
    ["how should i start for code review", "code-review"],
  ])("reads %j as the first step of a playbook or a question about a topic", (input, words) => {
    expect(parseCommand(input)).toEqual({
      type: "step",
      number: "first",
      words: "",
      playbook: words,
      orQuestion: true,
    });
  });

  it.each([
    ["what comes after step 3", { number: 3, offset: 1 }],
    ["what's next after step 3?", { number: 3, offset: 1 }],
    ["what's the next step after step 3", { number: 3, offset: 1 }],
    ["what do we do after step 4", { number: 4, offset: 1 }],
    ["after step three", { number: 3, offset: 1 }],
    ["step after 3", { number: 3, offset: 1 }],
    ["the step following step 2", { number: 2, offset: 1 }],
    ["which step follows the third step", { number: 3, offset: 1 }],
    ["what comes before step 5", { number: 5, offset: -1 }],
    ["the previous step before step 2", { number: 2, offset: -1 }],
    ["what precedes the last step", { number: "last", offset: -1 }],
    ["next step after governance", { number: null, words: "governance", offset: 1 }],
    ["step after 2 of code-review", { number: 2, playbook: "code-review", offset: 1 }],
    ["whats next after step 3", { number: 3, offset: 1 }],
    ["and after step 3?", { number: 3, offset: 1 }],
    ["what should we do next after step 5", { number: 5, offset: 1 }],
    ["step 3, then what?", { number: 3, offset: 1 }],
    ["step governance what comes next", { number: null, words: "governance", offset: 1 }],
    ["after step 3, what's next", { number: 3, offset: 1 }],
    ["step 3 done, what next?", { number: 3, offset: 1 }],
    ["ok step 3 is complete, then what", { number: 3, offset: 1 }],
    ["i'm done with step 3, what's next", { number: 3, offset: 1 }],
    ["finished step 3 what comes next", { number: 3, offset: 1 }],
    ["finished step 3. now what?", { number: 3, offset: 1 }],
    ["step 3 done; so now what", { number: 3, offset: 1 }],
    ["finished step 3, what now?", { number: 3, offset: 1 }],
    ["finished step 3... now what?", { number: 3, offset: 1 }],
    ["finished step 3 \u2014 now what?", { number: 3, offset: 1 }],
    ["what step comes after step 3", { number: 3, offset: 1 }],
    ["what comes after the governance step", { number: null, words: "governance", offset: 1 }],
    ["after the last step of code-review", { number: "last", playbook: "code-review", offset: 1 }],
    // "what" typed in a hurry, as the polite framing already reads it ("whats step 3").
    ["wat comes after step 3", { number: 3, offset: 1 }],
    ["waht comes before step 4", { number: 4, offset: -1 }],
    ["wats next after step 2", { number: 2, offset: 1 }],
    ["step 3 done, wat next", { number: 3, offset: 1 }],
    ["step 2 then wut", { number: 2, offset: 1 }],
  ])("reads %j as the step beside one named", (input, expected) => {
    expect(parseCommand(input)).toEqual({
      type: "step",
      words: "",
      playbook: null,
      ...expected,
    });
  });

  it.each([
    ["what's next", 1],
    ["whats next?", 1],
    ["next", 1],
    ["next step please", 1],
    ["what is the next step", 1],
    ["ok, then what?", 1],
    ["now what", 1],
    ["what do we do next", 1],
    ["wat next", 1],
    ["previous step", -1],
    ["the previous one", -1],
  ])("reads %j as the step beside one not named", (input, offset) => {
    expect(parseCommand(input)).toEqual({ type: "beside-unnamed", offset });
  });

  it.each([
    // About something other than steps, or about a step that was never named.
    "im an engineering director, where do i start with ai strategy",
    "what should reviewers look for first",
    "what do we do first when an incident starts",
    "what comes after governance",
    "what happens after the incident question",
    "after the postmortem, which step is next",
    // Near "step" but not a slip of it before a number, or more than a step number.
    "set 3 kpis per team",
    "top 3",
    "steer 3",
    "stop 3",
    "sep 30",
    "set 3",
    "q3",
    "first stop in the code review playbook",
    "the last stop on the tour",
    "stop 3 services",
    // Words (and an abbreviation) one letter from "step" after an ordinal: read as typed.
    "the first stp config",
    "the last stp change",
    "the first stet",
    "next stp",
  ])("reads %j as a question, not a step", (input) => {
    expect(parseCommand(input)).toEqual({ type: "question", text: input });
  });

  it.each([
    ["steps", null],
    ["step", null],
    ["list steps", null],
    ["steps code-review", "code-review"],
    ["step 2 and 3", null],
    ["step 2 and step 3", null],
    ["step 2-3", null],
    ["steps 2 to 4", null],
    ["step two and three", null],
    ["step 2, 3", null],
    ["how many steps are there?", null],
    ["how many steps in code-review", "code-review"],
    ["how many steps from code-review", "code-review"],
    ["how many steps in the playbook", null],
    ["what are the 7 steps", null],
    ["what are all the steps in the playbook?", null],
    ["gimme the steps", null],
    ["incident-response steps", "incident-response"],
    // A playbook whose name starts with "bot" is still named.
    ["bot-detection steps", "bot-detection"],
    ["code-review's steps", "code-review"],
  ])("reads %j as the list of steps", (input, playbook) => {
    expect(parseCommand(input)).toEqual({ type: "steps", playbook });
  });

  it.each(["step 2.1", "step #2.3", "show me step 2.1", "step 2.1.3"])(
    "reads %j, a sub-step, as the step it is written under",
    (input) => {
      expect(parseCommand(input)).toEqual({ type: "step", number: 2, words: "", playbook: null });
    },
  );

  it.each(["steps 3", "steps three", "the steps 3"])(
    "reads %j as step 3, the plural a slip",
    (input) => {
      expect(parseCommand(input)).toEqual({ type: "step", number: 3, words: "", playbook: null });
    },
  );

  it('reads a step number after "steps" with the playbook after it', () => {
    expect(parseCommand("steps 3 incident-response")).toEqual({
      type: "step",
      number: 3,
      words: "",
      playbook: "incident-response",
    });
  });

  it.each(["faq", "FAQs", "questions", "show faq"])(
    "reads %j as the list of questions",
    (input) => {
      expect(parseCommand(input)).toEqual({ type: "faqs", playbook: null });
    },
  );

  it.each(["code-review faq", "code-review faqs", "code-review questions"])(
    "reads %j as the list of a playbook's questions",
    (input) => {
      expect(parseCommand(input)).toEqual({ type: "faqs", playbook: "code-review" });
    },
  );

  it.each([
    ["code review faq", "faqs", "code-review"],
    ["any common interview questions", "faqs", "any-common-interview"],
    ["incident response steps please", "steps", "incident-response"],
    // "bot" said to the bot only when what follows names no playbook.
    ["bot detection steps", "steps", "bot-detection"],
  ])(
    "reads the words before a list in %j as a playbook's name, or a question if none is so named",
    (input, type, playbook) => {
      expect(parseCommand(input)).toEqual({ type, playbook, orQuestion: true });
    },
  );

  it.each([
    ...["", "   ", "help", "HELP", "?", "help!", "h", "  H  ", "/aifirst", "/aifirst h"],
    ...["/aifirst please?", "please?", "? please"],
    ...["hi", "Hello!", "hey there", "/", "🙏🚀", "..."],
    ...["what questions can you answer?", "how do i use this bot", "pls thx", "help me"],
  ])("reads %j as help", (input) => {
    expect(parseCommand(input)).toEqual({ type: "help" });
  });

  it.each([
    ...["thanks!", "thank you", "/aifirst thx", "ok cool, thanks a lot :)"],
    // Any acknowledgement before them, from the same list.
    ...["sounds good, thanks", "yep thanks", "k thanks", "understood, thank you"],
    // Declining what the bot offered ("Anything else?").
    ...["no thanks", "nope, thank you", "no thx!"],
  ])("reads %j as thanks, answered with help", (input) => {
    expect(parseCommand(input)).toEqual({ type: "help", thanks: true });
  });

  it.each([
    "what is this playbook about",
    "what's in the playbook?",
    "what does our playbook cover",
    "an overview of the playbook",
    "give me an overview of the playbook",
    "can i get a summary of this playbook?",
    // The steps' title names the default playbook, and the others are named under them.
    "what playbooks do you have",
    "which playbooks are there",
    "list all playbooks",
  ])("reads %j as the default playbook's steps", (input) => {
    expect(parseCommand(input)).toEqual({ type: "steps", playbook: null });
  });

  it.each([
    "ok",
    "OK!",
    "got it",
    "ok cool 👍",
    "lol",
    "no",
    "yep, makes sense",
    "sounds good.",
    "sure thing",
  ])("reads %j as an acknowledgement, answered with what else the bot does", (input) => {
    expect(parseCommand(input)).toEqual({ type: "help", acknowledged: true });
  });

  it.each([
    ...[
      "ok so how do we measure kpis",
      "what strategies can a cto implement in a playbook",
      "what is the playbook for incidents",
      "good question",
      // "no" is an acknowledgement alone only; words run together are none.
      "no good",
      "nok",
      "no thanks to the new on-call rota, what do i do",
      "how do we measure ai kpis?",
      "what are the next steps for ai adoption",
      "stepping up our ai game",
    ],
    ...["please how do we measure kpis", "/aifirst who owns kpis", "hi team", "é"],
    // "bot" is chat only when addressed ("bot, ...").
    ...["bot detection for signups?"],
  ])("reads %j as a question", (input) => {
    expect(parseCommand(input)).toEqual({ type: "question", text: input });
  });

  it.each([
    ["please how do we measure kpis", "how do we measure kpis"],
    ["Hey quick q what does it mean to be ai first", "what does it mean to be ai first"],
    ["hi team", "team"],
    ["hey bot, who owns kpis", "who owns kpis"],
    // About bots, not said to one.
    ["bot-detection for signups?", "bot-detection for signups?"],
    ["and bot traffic is spiking, what do we do?", "bot traffic is spiking, what do we do?"],
    ["so bot traffic spiking", "bot traffic spiking"],
    ["hey bot traffic is spiking", "bot traffic is spiking"],
    ["bot.js keeps crashing", "bot.js keeps crashing"],
    ["how do we measure kpis", "how do we measure kpis"],
  ])("reads %j without the chat before it", (input, text) => {
    expect(withoutOpener(input)).toBe(text);
  });

  describe("the bot's own names", () => {
    const names = botNames(["/aifirst", "Playbook Bot"]);

    it.each([
      ["aifirst step 6", { rest: "step 6", setApart: false }],
      ["AIFirst: step 2", { rest: "step 2", setApart: true }],
      ["hey aifirst, how do we measure kpis?", { rest: "how do we measure kpis?", setApart: true }],
      ["  Playbook  Bot - who owns kpis", { rest: "who owns kpis", setApart: true }],
      ["aifirst", { rest: "", setApart: false }],
      ["Playbook Bot:", { rest: "", setApart: true }],
      ["aifirst?", { rest: "", setApart: true }],
      ["aifirst \u2014 step 2", { rest: "step 2", setApart: true }],
    ])("reads %j as said to the bot", (input, addressed) => {
      expect(names?.atStart(input)).toMatchObject(addressed);
    });

    it.each([
      ["hey, aifirst, step 2", "hey,"],
      ["yo aifirst step 2", "yo"],
      ["ok aifirst step 2", "ok"],
      ["hey there aifirst step 2", "hey there"],
      ["thanks aifirst", "thanks"],
    ])('reads the chat before the name in %j, as before "bot"', (input, before) => {
      expect(names?.atStart(input)?.before).toBe(before);
    });

    it.each([
      "aifirst.js keeps crashing",
      "aifirstness",
      "playbook bots, how many",
      "the aifirst roadmap",
    ])("finds no name at the start of %j", (input) => {
      expect(names?.atStart(input)).toBeNull();
    });

    it("reads a name with a pattern's characters as it is written", () => {
      const odd = botNames(["C++ Bot", "a.b"]);
      expect(odd?.atStart("c++ bot step 2")).toEqual({
        before: "",
        rest: "step 2",
        setApart: false,
      });
      expect(odd?.atStart("axb step 2")).toBeNull();
    });

    it('has no names to read when it is given none, or only "bot"', () => {
      expect(botNames([])).toBeNull();
      expect(botNames(["bot", " "])).toBeNull();
    });
  });

  it("reads a long run of filler words after a step at once, whatever ends it", () => {
    const inputs = [
      `step 3 ${"now ".repeat(60)}x`,
      `step 3: ${"what is it about ".repeat(60)}ok?`,
      `step 3 ${"what is it, ".repeat(60)}x`,
    ];
    // In a process of its own: a pattern whose time doubled with each word would be
    // stopped by the timeout and fail, not hang the test run.
    const script = `import { parseCommand } from ${JSON.stringify(path.resolve("src/answer/grammar.ts"))};
      for (const text of ${JSON.stringify(inputs)}) parseCommand(text);`;
    const run = spawnSync(
      process.execPath,
      ["--import", "tsx", "--input-type=module", "--eval", script],
      { timeout: 20_000, encoding: "utf8" },
    );
    expect(run.signal, "still parsing when stopped").toBeNull();
    expect(run.status, run.stderr).toBe(0);
  }, 30_000);

  it("strips a polite or punctuated end exactly as the plain pattern does", () => {
    const plain = (text: string) => text.replace(TRAIL, "").trim();
    const tokens = [
      ...new Set(POLITE_ENDINGS.flatMap((w) => w.split(" "))),
      ...["step", "3", "?", "!", ".", "??", "a", "plsx"],
    ];
    const texts = loadEvalSet().map((x) => x.q.toLowerCase().replace(/\s+/g, " ").trim());
    // Every text of up to four tokens, spaced or not: each ending the pattern can meet.
    const build = (prefix: string[], depth: number) => {
      texts.push(prefix.join(" "), prefix.join(""));
      if (depth < 4) for (const t of tokens) build([...prefix, t], depth + 1);
    };
    build([], 0);
    for (const text of texts) expect(withoutTrail(text), text).toBe(plain(text));
    expect(texts.length).toBeGreaterThan(30_000);
  });
});
