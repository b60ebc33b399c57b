import { describe, expect, it } from "vitest";
import { asksOtherwise, kindsAsked } from "../../src/answer/asks.ts";

describe("the kind of answer a question asks for", () => {
  it.each([
    ["What should a status update include?", ["what or how"]],
    ["how do i roll back", ["what or how"]],
    ["where am i supposed to keep creds", ["what or how"]],
    ["whats the deadline", ["what or how"]],
    ["How often should we post status updates?", ["how often"]],
    ["how frequently do we review", ["how often"]],
    ["how many approvals", ["how many, much or long"]],
    ["how long does a review take", ["how many, much or long"]],
    ["how soon after an incident", ["when"]],
    ["Who merges the pull request?", ["who"]],
    ["who decides when to escalate", ["who", "when"]],
    ["why bother with lineage", ["why"]],
    ["how come the build is red", ["why"]],
    ["whos on call", ["who"]],
    ["wheres the runbook", ["what or how"]],
    ["whatever works, somehow", []],
    ["Can I keep a .env file?", ["yes or no"]],
    ["is it ok to merge on friday", ["yes or no"]],
    ["deploy freeze dates", []],
  ])("%j asks for %j", (question, kinds) => {
    expect(kindsAsked(question)).toEqual(kinds);
  });

  it("sees an FAQ ask otherwise only when the question names a kind the FAQ does not", () => {
    const faq = "How often should we post status updates during an incident?";
    expect(asksOtherwise("what should a status update include", faq)).toBe(true);
    expect(asksOtherwise("how frequently do status updates go out", faq)).toBe(false);
    // A yes or no, or no question word at all, says nothing of what is wanted.
    expect(asksOtherwise("should status updates go to slack", faq)).toBe(false);
    expect(asksOtherwise("status update cadence", faq)).toBe(false);
    // A heading that is a topic asks nothing either.
    expect(asksOtherwise("who merges", "Merging pull requests")).toBe(false);
    // Any kind in common is enough.
    expect(asksOtherwise("who decides when to escalate", "When should we escalate?")).toBe(false);
  });

  it("reads the same question the same way, whatever was read before it", () => {
    const first = kindsAsked("why bother with lineage");
    kindsAsked("tell me what the roadmap is, and who owns it, and why");
    asksOtherwise("so how often, and when?", "Who merges?");
    expect(kindsAsked("why bother with lineage")).toEqual(first);
    expect(kindsAsked("who merges the pull request?")).toEqual(["who"]);
  });
});
