import { describe, expect, it } from "vitest";
import {
  escapeHtml,
  renderInline,
  renderMarkdown,
} from "../../../src/adapters/web/public/markdown.js";

describe("the playground's Markdown renderer", () => {
  it("keeps chat formatting: bold, italics, code, strikethrough, links", () => {
    expect(renderMarkdown("**bold**, *italic*, _also_, `code`, ~~gone~~")).toBe(
      "<p><strong>bold</strong>, <em>italic</em>, <em>also</em>, <code>code</code>, <del>gone</del></p>",
    );
    expect(renderMarkdown("[the guide](https://example.com/a?b=1&c=2)")).toBe(
      '<p><a href="https://example.com/a?b=1&amp;c=2" target="_blank" rel="noopener noreferrer">the guide</a></p>',
    );
  });

  it("renders a line inline, escaped, for a step's excerpt", () => {
    expect(renderInline("Run `deployctl promote <service>` **now** <b>x</b>")).toBe(
      "Run <code>deployctl promote &lt;service&gt;</code> <strong>now</strong> &lt;b&gt;x&lt;/b&gt;",
    );
  });

  it("renders lists, including the • bullets the bot writes", () => {
    expect(renderMarkdown("Try:\n• `steps`: all steps\n• `faq`")).toBe(
      "<p>Try:</p><ul><li><code>steps</code>: all steps</li><li><code>faq</code></li></ul>",
    );
    expect(renderMarkdown("3. three\n4. four")).toBe(
      '<ol start="3"><li>three</li><li>four</li></ol>',
    );
  });

  it("nests a list indented under an item, as Slack shows it", () => {
    expect(renderMarkdown("- first\n  - nested a\n  - nested b\n- second")).toBe(
      "<ul><li>first<ul><li>nested a</li><li>nested b</li></ul></li><li>second</li></ul>",
    );
    expect(renderMarkdown("1. one\n   1. one.one\n2. two")).toBe(
      "<ol><li>one<ol><li>one.one</li></ol></li><li>two</li></ol>",
    );
    expect(renderMarkdown("- a\n  1. x\n  2. y\n    - deep\n- b\n1. after")).toBe(
      "<ul><li>a<ol><li>x</li><li>y<ul><li>deep</li></ul></li></ol></li><li>b</li></ul><ol><li>after</li></ol>",
    );
  });

  it("reads a paragraph wrapped in the file as one, as Slack and Teams show it; a hard break stays", () => {
    expect(renderMarkdown("one\ntwo\n\nthree")).toBe("<p>one two</p><p>three</p>");
    expect(renderMarkdown("one  \ntwo\\\nthree")).toBe("<p>one<br>two<br>three</p>");
    expect(renderMarkdown("- an item\n  wrapped\n- two")).toBe(
      "<ul><li>an item wrapped</li><li>two</li></ul>",
    );
  });

  it("leaves code as written: no formatting inside code", () => {
    expect(renderMarkdown("`a **b** _c_`")).toBe("<p><code>a **b** _c_</code></p>");
    expect(renderMarkdown("```python\nx = a*b*c\n<tag>\n```")).toBe(
      "<pre><code>x = a*b*c\n&lt;tag&gt;</code></pre>",
    );
  });

  it("does not italicise underscores inside words", () => {
    expect(renderMarkdown("snake_case_name")).toBe("<p>snake_case_name</p>");
  });

  it("never lets text inject HTML", () => {
    const attacks = [
      "<script>alert(1)</script>",
      '<img src=x onerror="alert(1)">',
      '**"><svg onload=alert(1)>**',
      '[x](https://a.b/"onmouseover=alert(1))',
      "`</code><script>x</script>`",
      "```\n</pre><script>x</script>\n```",
      "\uE0000\uE001<b>stash</b>",
    ];
    for (const attack of attacks) {
      const html = renderMarkdown(attack);
      expect(html, attack).not.toMatch(/<(script|img|svg|b)\b/i);
      expect(html, attack).not.toMatch(/<[^>]*\son\w+\s*=/i);
    }
  });

  it("links only web, mail and same-site URLs", () => {
    for (const url of [
      "javascript:alert(1)",
      "JaVaScRiPt:alert(1)",
      "data:text/html,x",
      "vbscript:x",
      "//evil.example/x",
      "/\\evil.example/x",
      // Escaped, as the browser reads them once the escapes are gone: another site.
      "/\\/evil.example/x",
      "/\\\\evil.example/x",
      "javascript\\:alert(1)",
    ]) {
      expect(renderMarkdown(`[x](${url})`), url).not.toContain("<a");
    }
    expect(renderMarkdown("[x](/healthz)")).toContain('href="/healthz"');
    expect(renderMarkdown("[x](mailto:a@b.c)")).toContain('href="mailto:a@b.c"');
    expect(renderMarkdown("[x](/docs/a\\_b)")).toContain('href="/docs/a_b"');
  });

  it("keeps parentheses that belong to a link's URL", () => {
    const rust = "https://en.wikipedia.org/wiki/Rust_(programming_language)";
    expect(renderMarkdown(`[Rust](${rust}) is a language.`)).toBe(
      `<p><a href="${rust}" target="_blank" rel="noopener noreferrer">Rust</a> is a language.</p>`,
    );
    expect(renderMarkdown(`See ${rust}.`)).toBe(
      `<p>See <a href="${rust}" target="_blank" rel="noopener noreferrer">${rust}</a>.</p>`,
    );
    // A bracket that closes the sentence's own parenthesis is not the URL's.
    expect(renderMarkdown("(see https://example.com/x)")).toBe(
      '<p>(see <a href="https://example.com/x" target="_blank" rel="noopener noreferrer">https://example.com/x</a>)</p>',
    );
    expect(renderMarkdown("[a](https://x.y/a) and [b](https://x.y/(b)) (c)")).toBe(
      '<p><a href="https://x.y/a" target="_blank" rel="noopener noreferrer">a</a> and <a href="https://x.y/(b)" target="_blank" rel="noopener noreferrer">b</a> (c)</p>',
    );
  });

  it("never links javascript: or data: URLs, with parentheses or without", () => {
    for (const url of [
      "javascript:alert(1)",
      "javascript:alert(document.cookie)",
      "data:text/html,(x)",
      "javascript&#58;alert(1)",
    ]) {
      const html = renderMarkdown(`[click](${url}) and ![img](${url})`);
      expect(html, url).not.toContain("<a");
      expect(html, url).not.toMatch(/href=/);
    }
  });

  it("turns bare URLs into links, without trailing punctuation", () => {
    expect(renderMarkdown("See https://example.com/x.")).toBe(
      '<p>See <a href="https://example.com/x" target="_blank" rel="noopener noreferrer">https://example.com/x</a>.</p>',
    );
  });

  it("shows an image's alt text instead of loading it", () => {
    expect(renderMarkdown("![Hero image](/images/hero.png)")).toBe(
      '<p><span class="md-image">Hero image</span></p>',
    );
  });

  it("renders a pipe table as a table: header cells, inline formatting, alignment, in a box that scrolls", () => {
    const md = [
      "Who to page:",
      "| Service | Command | Pager |",
      "|:--------|:-------:|------:|",
      "| **api** <b> | `deploy a|b` | #oncall\\|api |",
      "| web |",
    ].join("\n");
    expect(renderMarkdown(md)).toBe(
      "<p>Who to page:</p>" +
        '<div class="md-table"><table>' +
        '<thead><tr><th>Service</th><th class="md-center">Command</th><th class="md-right">Pager</th></tr></thead>' +
        "<tbody>" +
        '<tr><td><strong>api</strong> &lt;b&gt;</td><td class="md-center"><code>deploy a|b</code></td><td class="md-right">#oncall|api</td></tr>' +
        '<tr><td>web</td><td class="md-center"></td><td class="md-right"></td></tr>' +
        "</tbody></table></div>",
    );
  });

  it("reads a table only with a rule row as wide as its header", () => {
    expect(renderMarkdown("a | b\n---")).not.toContain("<table>");
    expect(renderMarkdown("a | b\n--- | --- | ---")).not.toContain("<table>");
    expect(renderMarkdown("| a |\n| - |")).toBe(
      '<div class="md-table"><table><thead><tr><th>a</th></tr></thead></table></div>',
    );
  });

  it("never lets a table cell inject HTML", () => {
    const html = renderMarkdown(
      '| x | y |\n|---|---|\n| <img src=x onerror="alert(1)"> | [a](javascript:alert(1)) |',
    );
    expect(html).not.toMatch(/<img|<a\b|<[^>]*\son\w+\s*=/i);
    expect(html).toContain("<td>&lt;img src=x onerror=&quot;alert(1)&quot;&gt;</td>");
  });

  it("shows a backslash-escaped character as itself, never as formatting; code keeps its backslashes", () => {
    expect(renderMarkdown("snake\\_case, \\*not bold\\*, \\_not italic\\_, a\\\\b")).toBe(
      "<p>snake_case, *not bold*, _not italic_, a\\b</p>",
    );
    expect(renderMarkdown("1\\. not a list")).toBe("<p>1. not a list</p>");
    expect(renderMarkdown("\\# not a heading")).toBe("<p># not a heading</p>");
    expect(renderMarkdown("\\- not a bullet\n\n\\> not a quote")).toBe(
      "<p>- not a bullet</p><p>&gt; not a quote</p>",
    );
    // A backslash before a letter or digit stays; in code it is as typed.
    expect(renderMarkdown("C:\\Users\\d1 and `a\\_b` and \\`not code\\`")).toBe(
      "<p>C:\\Users\\d1 and <code>a\\_b</code> and `not code`</p>",
    );
    expect(renderMarkdown("```\nsed 's/\\*//'\n```")).toBe(
      "<pre><code>sed &#39;s/\\*//&#39;</code></pre>",
    );
    expect(renderMarkdown("**a \\* b** [snake\\_case](https://x.example/snake\\_case)")).toBe(
      '<p><strong>a * b</strong> <a href="https://x.example/snake_case" target="_blank" rel="noopener noreferrer">snake_case</a></p>',
    );
    // Escaped, the HTML characters are still text.
    expect(renderMarkdown('\\<b\\> \\& \\"')).toBe("<p>&lt;b&gt; &amp; &quot;</p>");
    expect(renderInline("`step 3`, not step\\_3")).toBe("<code>step 3</code>, not step_3");
  });

  it("escapes the five HTML characters", () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe(
      "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;",
    );
  });
});
