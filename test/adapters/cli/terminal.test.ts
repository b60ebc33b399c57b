/** What `aifirst ask` prints: code stays as it can be copied, and names keep their underscores. */
import { describe, expect, it } from "vitest";
import { renderTerminal } from "../../../src/adapters/cli/terminal.ts";
import type { ReplyView } from "../../../src/answer/view.ts";

const view: ReplyView = {
  id: "r1",
  votes: false,
  note: null,
  title: "How do I roll back a bad upgrade?",
  body: "Run `kubectl argo rollouts abort <service>`, then watch **the** `halyard_booking_api_requests_total` metric, _not_ the logs.",
  step: {
    number: 6,
    title: "Roll out",
    heading: "Playbook step 6: Roll out",
    excerpt: "Abort with `kubectl argo rollouts abort` first.",
    ask: "step 6 deps",
  },
  list: [],
  suggestions: [],
  suggestionsTitle: "Related questions",
  playbook: { slug: "deps", title: "Dependency Upgrades" },
};

describe("a reply in a terminal", () => {
  it("keeps code between backticks when piped, and takes the other Markdown off", () => {
    const text = renderTerminal(view, false);
    expect(text).toContain(
      "Run `kubectl argo rollouts abort <service>`, then watch the `halyard_booking_api_requests_total` metric, not the logs.",
    );
    expect(text).toContain("Abort with `kubectl argo rollouts abort` first.");
    expect(text).not.toMatch(/[‘’]/);
    // Bold and italics around code still read as such.
    expect(
      renderTerminal({ ...view, body: "**Run `npm ci` first.** _see `a_b.yml`_" }, false),
    ).toContain("Run `npm ci` first. see `a_b.yml`");
  });

  it("shows a backslash-escaped character as itself, its backslash gone; code keeps its backslashes", () => {
    const body = "snake\\_case, \\*not bold\\*, **a \\* b**, C:\\Users, `a\\_b`\n\n1\\. not a list";
    expect(renderTerminal({ ...view, body, step: null }, false)).toContain(
      "snake_case, *not bold*, a * b, C:\\Users, `a\\_b`\n\n1. not a list",
    );
  });

  it("keeps a code block's lines as typed, and pairs no backtick of its fences with the text's", () => {
    const body =
      "Create `db/x.sql`:\n\n```sql\nSELECT *\nFROM a_b;\n```\n\nUse `snake_case` names.";
    const cyan = (s: string) => `\x1b[36m${s}\x1b[39m`;
    const dim = (s: string) => `\x1b[2m${s}\x1b[22m`;
    expect(renderTerminal({ ...view, body, step: null }, true)).toContain(
      [
        `Create ${cyan("db/x.sql")}:`,
        "",
        dim("```sql"),
        cyan("SELECT *"),
        cyan("FROM a_b;"),
        dim("```"),
        "",
        `Use ${cyan("snake_case")} names.`,
      ].join("\n"),
    );
    expect(renderTerminal({ ...view, body, step: null }, false)).toContain(body);
  });

  it("shows code in colour, without quotes to copy, on a TTY", () => {
    const text = renderTerminal(view, true);
    expect(text).toContain("\x1b[36mkubectl argo rollouts abort <service>\x1b[39m");
    expect(text).toContain("\x1b[36mhalyard_booking_api_requests_total\x1b[39m");
    expect(text).toContain("\x1b[1mthe\x1b[22m");
  });
});
