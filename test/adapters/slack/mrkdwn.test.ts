import { describe, expect, it } from "vitest";
import { commandText, incomingText, richTextOf } from "../../../src/adapters/slack/incoming.ts";
import { escapeSlack, markdownToMrkdwn } from "../../../src/adapters/slack/mrkdwn.ts";

describe("Markdown to Slack mrkdwn", () => {
  it("turns bold, italics and strike-through into Slack's markers", () => {
    expect(markdownToMrkdwn("a **bold** and *italic* and _also_ and ~~gone~~")).toBe(
      "a *bold* and _italic_ and _also_ and ~gone~",
    );
    expect(markdownToMrkdwn("__bold__ too")).toBe("*bold* too");
  });

  it("turns links into Slack links, keeping their text", () => {
    expect(markdownToMrkdwn("see [the guide](https://example.com/a?b=1&c=2)")).toBe(
      "see <https://example.com/a?b=1&amp;c=2|the guide>",
    );
    expect(markdownToMrkdwn("<https://example.com>")).toBe("<https://example.com>");
    // A relative link cannot be opened from Slack: its text stays.
    expect(markdownToMrkdwn("![hero](/images/x.png)")).toBe("hero");
  });

  it("keeps a URL with parentheses whole", () => {
    expect(markdownToMrkdwn("[x](https://en.wikipedia.org/wiki/Rust_(programming_language))")).toBe(
      "<https://en.wikipedia.org/wiki/Rust_(programming_language)|x>",
    );
    expect(markdownToMrkdwn("(see [x](https://a.example/b_(c)) here)")).toBe(
      "(see <https://a.example/b_(c)|x> here)",
    );
  });

  it("turns only web and mail links into links", () => {
    expect(markdownToMrkdwn("[click](javascript:alert(1))")).toBe("click");
    expect(markdownToMrkdwn("[f](file:///etc/passwd) [d](data:text/html,x)")).toBe("f d");
    expect(markdownToMrkdwn("[m](mailto:team@example.com)")).toBe("<mailto:team@example.com|m>");
    expect(markdownToMrkdwn("<javascript:alert(1)>")).not.toMatch(/<javascript/);
  });

  it("reads a paragraph wrapped in the Markdown file as one line, as Markdown does", () => {
    const wrapped =
      "Abort the rollout with `kubectl argo\nrollouts abort`, then revert the PR\nin GitHub.\n\n- one item\n  wrapped\n- two\n\nA hard break  \nstays, and so does this\\\none.";
    expect(markdownToMrkdwn(wrapped)).toBe(
      "Abort the rollout with `kubectl argo rollouts abort`, then revert the PR in GitHub.\n\n• one item wrapped\n• two\n\nA hard break\nstays, and so does this\none.",
    );
    // Code, headings and tables keep their lines.
    expect(
      markdownToMrkdwn("```\nnpm ci\nnpm test\n```\n## Title\nText\n| a | b |\n| 1 | 2 |"),
    ).toBe("```\nnpm ci\nnpm test\n```\n*Title*\nText\n| a | b |\n| 1 | 2 |");
  });

  it("shows a table as a code block, columns lined up as the rule row aligns them, markers gone", () => {
    const md = [
      "Who to page:",
      "| Service | Command | Pager |",
      "|:--|:-:|--:|",
      "| **payments-api** | `deploy a|b` | [#oncall](https://x.example/?a=1&b=2) |",
      "| _web_ <b> | x \\| y | @channel |",
      "",
      "Then **wait**.",
    ].join("\n");
    expect(markdownToMrkdwn(md)).toBe(
      [
        "Who to page:",
        "```",
        "Service      |  Command   |                                Pager",
        "------------ | ---------- | ------------------------------------",
        "payments-api | deploy a|b | #oncall (https://x.example/?a=1&amp;b=2)",
        "web &lt;b&gt;      |   x | y    |                             @\u2060channel",
        "```",
        "",
        "Then *wait*.",
      ].join("\n"),
    );
    // As Slack shows them (its escapes undone): every line as long, the first ` | ` in one place.
    const shown = markdownToMrkdwn(md)
      .split("\n")
      .slice(2, 6)
      .map((l) =>
        l
          .replace(/&lt;/g, "<")
          .replace(/&gt;/g, ">")
          .replace(/&amp;/g, "&")
          .replace(/\u2060/g, ""),
      );
    expect(new Set(shown.map((l) => l.length)).size).toBe(1);
    expect(new Set(shown.map((l) => l.indexOf(" | "))).size).toBe(1);
  });

  it("shows a backslash-escaped character as itself, kept from pairing as a marker; code keeps its backslashes", () => {
    const z = "\u200b";
    expect(markdownToMrkdwn("snake\\_case and \\*not bold\\* and \\_not italic\\_")).toBe(
      `snake_case and ${z}*${z}not bold${z}*${z} and ${z}_${z}not italic${z}_${z}`,
    );
    expect(markdownToMrkdwn("1\\. not a list\n\n\\# not a heading\n\n\\- not a bullet")).toBe(
      "1. not a list\n\n# not a heading\n\n- not a bullet",
    );
    // A `>` starting the line would quote it; the HTML characters stay escaped.
    expect(markdownToMrkdwn("\\> not a quote, \\<b\\> \\& a \\> b")).toBe(
      `${z}&gt;${z} not a quote, &lt;b&gt; &amp; a &gt; b`,
    );
    expect(markdownToMrkdwn("**a \\* b**, [snake\\_case](https://x.example/snake\\_case)")).toBe(
      `*a ${z}*${z} b*, <https://x.example/snake_case|snake_case>`,
    );
    // A backslash before a letter or digit stays; in code it is as typed.
    expect(
      markdownToMrkdwn("C:\\Users\\d1, `a\\_b`, \\`not code\\`\n```\nsed 's/\\*//'\n```"),
    ).toBe(`C:\\Users\\d1, \`a\\_b\`, ${z}\`${z}not code${z}\`${z}\n\`\`\`\nsed 's/\\*//'\n\`\`\``);
  });

  it("turns headings into bold lines and bullets into •", () => {
    expect(markdownToMrkdwn("## Why it matters\n- one\n* two\n  + three\n1. first")).toBe(
      "*Why it matters*\n• one\n• two\n  • three\n1. first",
    );
  });

  it("keeps code as code, escaped but not styled", () => {
    expect(markdownToMrkdwn("run `a **b** <c>` now")).toBe("run `a **b** &lt;c&gt;` now");
    expect(markdownToMrkdwn("```ts\nconst x = a < b && *c*;\n```")).toBe(
      "```\nconst x = a &lt; b &amp;&amp; *c*;\n```",
    );
  });

  it("keeps block quotes", () => {
    expect(markdownToMrkdwn("> quoted **text**")).toBe(">quoted *text*");
  });

  it("escapes &, < and > everywhere outside links", () => {
    expect(markdownToMrkdwn("<!channel> & <@U123> said x > y")).toBe(
      "&lt;!channel&gt; &amp; &lt;@U123&gt; said x &gt; y",
    );
    expect(escapeSlack("<!here>")).toBe("&lt;!here&gt;");
  });

  it("keeps a broadcast mention typed as text from pinging, and leaves addresses alone", () => {
    expect(escapeSlack("@channel, @Here and @everyone: ops@channel.com")).toBe(
      "@\u2060channel, @\u2060Here and @\u2060everyone: ops@channel.com",
    );
  });
});

describe("incoming Slack text", () => {
  it("drops the bot's own mention and undoes Slack's escaping", () => {
    expect(incomingText("<@UBOT> what about a &amp; b &lt;3", "UBOT")).toBe("what about a & b <3");
    expect(incomingText("hey <@UBOT|aifirst>, step 3", "UBOT")).toBe("hey , step 3");
  });

  it("drops the leading mention while the bot's id is unknown, and keeps other mentions", () => {
    expect(incomingText("<@U0BOT> ask <@U777> about step 2")).toBe("ask @U777 about step 2");
  });

  it("reads Slack's markup as the user saw it: mentions, links and dates as text", () => {
    expect(
      commandText(
        "<!channel> <!here> <!subteam^S1|@devs> <!subteam^S2> how do i rollback, see <https://wiki.example.com/x> and <https://wiki.example.com/y|the runbook> by <!date^1392734382^{date}|Feb 18>",
      ),
    ).toBe(
      "@channel @here @devs @subteam how do i rollback, see https://wiki.example.com/x and the runbook by Feb 18",
    );
    // A date's format may hold spaces, as Slack's own examples do.
    expect(
      commandText(
        "rollback before <!date^1392734382^{date} at {time}|February 18th, 2014 at 6:39 AM PST>?",
      ),
    ).toBe("rollback before February 18th, 2014 at 6:39 AM PST?");
    // Typed by the user, "<" and ">" arrive escaped and stay what they were.
    expect(commandText("is a &lt;b&gt; tag ok")).toBe("is a <b> tag ok");
  });

  it("treats missing text as empty", () => {
    expect(incomingText(undefined)).toBe("");
  });

  it("shows a mention Slack escaped in a command as the name the user typed", () => {
    expect(commandText("ask <@U123|steve> about <#C42|general> &amp; step 3")).toBe(
      "ask @steve about #general & step 3",
    );
  });

  it("reads the words of a message that carries them only in rich_text blocks", () => {
    const blocks = [
      {
        type: "rich_text",
        elements: [
          {
            type: "rich_text_section",
            elements: [
              { type: "user", user_id: "UBOT" },
              { type: "text", text: " how do we " },
              { type: "link", url: "https://example.com", text: "measure" },
              { type: "text", text: " ai kpis " },
              { type: "emoji", name: "thinking_face" },
            ],
          },
        ],
      },
    ];
    expect(incomingText(richTextOf(blocks), "UBOT")).toBe(
      "how do we measure ai kpis :thinking_face:",
    );
  });
});
