// A small, safe Markdown renderer for chat replies: the subset chat apps show
// (bold, italics, strikethrough, code, links, lists, quotes, code blocks, tables).
// Safety comes from the order: each piece of text is HTML-escaped before any
// formatting is applied, so the only tags in the output are the ones this
// file writes, and links are kept only for http(s), mailto and same-site URLs.

import { fenceOf, joinSoftBreaks, listNesting, readTable } from "./markdown-lines.js";

const ESCAPES = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/** @param {string} text */
export function escapeHtml(text) {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[/** @type {keyof typeof ESCAPES} */ (c)]);
}

/** @param {string} source Markdown; returns HTML safe to assign to innerHTML. */
export function renderMarkdown(source) {
  // Two private-use characters mark stashed fragments below, so they may not come from the text.
  const lines = joinSoftBreaks(
    String(source ?? "")
      .replace(/\r\n?/g, "\n")
      .replace(/[\uE000\uE001]/g, "")
      .split("\n"),
  );
  const out = [];
  let i = 0;
  while (i < lines.length) {
    const line = lines[i] ?? "";
    const fence = fenceOf(line);
    if (fence) {
      const code = [];
      i++;
      while (i < lines.length && !fenceOf(lines[i] ?? "")?.mark.startsWith(fence.mark)) {
        code.push(lines[i++]);
      }
      i++;
      out.push(`<pre><code>${escapeHtml(code.join("\n"))}</code></pre>`);
      continue;
    }
    if (line.trim() === "") {
      i++;
      continue;
    }
    const table = readTable(lines, i);
    if (table) {
      out.push(renderTable(table));
      i = table.end;
      continue;
    }
    const heading = /^\s*(#{1,6})\s+(.*?)\s*#*\s*$/.exec(line);
    if (heading) {
      const level = Math.min(6, (heading[1] ?? "#").length + 3);
      out.push(`<h${level}>${inline(heading[2] ?? "")}</h${level}>`);
      i++;
      continue;
    }
    if (/^\s*([-*_])(\s*\1){2,}\s*$/.test(line)) {
      out.push("<hr>");
      i++;
      continue;
    }
    if (/^\s*>/.test(line)) {
      const quoted = [];
      while (i < lines.length && /^\s*>/.test(lines[i] ?? "")) {
        quoted.push((lines[i++] ?? "").replace(/^\s*>\s?/, ""));
      }
      out.push(`<blockquote>${renderMarkdown(quoted.join("\n"))}</blockquote>`);
      continue;
    }
    if (listItem(line)) {
      /** @type {ListItem[]} */
      const items = [];
      while (i < lines.length) {
        const item = listItem(lines[i] ?? "");
        if (item) items.push(item);
        else if (items.length && startsParagraphLine(lines[i] ?? "")) {
          // A line under an item, after a hard break, continues it.
          /** @type {ListItem} */ (items[items.length - 1]).text += `\n${(lines[i] ?? "").trim()}`;
        } else break;
        i++;
      }
      out.push(renderList(items));
      continue;
    }
    // The first line always goes in, so every pass of this loop moves on.
    const para = [line];
    i++;
    while (i < lines.length && startsParagraphLine(lines[i] ?? "") && !readTable(lines, i)) {
      para.push(lines[i++]);
    }
    out.push(`<p>${inlineLines(para.join("\n"))}</p>`);
  }
  return out.join("");
}

/**
 * A table, in a box of its own that scrolls sideways when the table is wider than the reply.
 * Alignment is a class: the page's policy allows no style attributes.
 * @param {{ align: import("./markdown-lines.js").Align[], rows: string[][] }} table
 */
function renderTable({ align, rows }) {
  /** @param {string[]} cells @param {"th" | "td"} tag */
  const row = (cells, tag) =>
    `<tr>${cells
      .map((cell, c) => {
        const side = align[c];
        const cls = side === "center" || side === "right" ? ` class="md-${side}"` : "";
        return `<${tag}${cls}>${inline(cell)}</${tag}>`;
      })
      .join("")}</tr>`;
  const [head = [], ...body] = rows;
  const tbody = body.length ? `<tbody>${body.map((r) => row(r, "td")).join("")}</tbody>` : "";
  return `<div class="md-table"><table><thead>${row(head, "th")}</thead>${tbody}</table></div>`;
}

/** @typedef {{ indent: number, ordered: boolean, start: number, text: string }} ListItem */

/** @param {string} line @returns {ListItem | null} */
function listItem(line) {
  const bullet = /^(\s*)(?:[-*+•])\s+(.*)$/.exec(line);
  if (bullet) {
    return { indent: (bullet[1] ?? "").length, ordered: false, start: 1, text: bullet[2] ?? "" };
  }
  const numbered = /^(\s*)(\d{1,9})[.)]\s+(.*)$/.exec(line);
  if (numbered) {
    const [, indent = "", start = "1", text = ""] = numbered;
    return { indent: indent.length, ordered: true, start: Number(start), text };
  }
  return null;
}

/**
 * A run of list lines as lists, nested as `listNesting` says; a change between bullets and
 * numbers starts another list.
 * @param {ListItem[]} items
 */
function renderList(items) {
  const depthOf = listNesting();
  const depths = items.map((item) => depthOf(item.indent));
  let k = 0;
  /** The list starting at item k, with the lists nested in its items. @returns {string} */
  const list = () => {
    const first = /** @type {ListItem} */ (items[k]);
    const depth = depths[k];
    const tag = first.ordered ? "ol" : "ul";
    const start = first.ordered && first.start !== 1 ? ` start="${first.start}"` : "";
    let body = "";
    // Each list takes at least its first item, so every loop ends.
    while (k < items.length && depths[k] === depth && items[k]?.ordered === first.ordered) {
      let inner = inlineLines(/** @type {ListItem} */ (items[k]).text);
      k++;
      while (
        k < items.length &&
        /** @type {number} */ (depths[k]) > /** @type {number} */ (depth)
      ) {
        inner += list();
      }
      body += `<li>${inner}</li>`;
    }
    return `<${tag}${start}>${body}</${tag}>`;
  };
  let html = "";
  while (k < items.length) html += list();
  return html;
}

/** A line that continues a paragraph rather than starting another block. @param {string} line */
function startsParagraphLine(line) {
  return (
    line.trim() !== "" &&
    !listItem(line) &&
    !fenceOf(line) &&
    !/^\s*(#{1,6}\s|>)/.test(line) &&
    !/^\s*([-*_])(\s*\1){2,}\s*$/.test(line)
  );
}

/** A paragraph's lines: soft breaks are joined already, so each break left is a hard one. @param {string} text */
function inlineLines(text) {
  return text
    .split("\n")
    .map((line) => inline(line))
    .join("<br>");
}

/**
 * One line of Markdown as inline HTML (code, emphasis, links; no blocks), escaped as
 * renderMarkdown escapes: for a short excerpt shown inside other markup.
 * @param {string} text
 */
export function renderInline(text) {
  return inline(text);
}

/** @param {string} text */
function inline(text) {
  /** @type {string[]} */
  const slots = [];
  /** @param {string} html */
  const stash = (html) => `\uE000${slots.push(html) - 1}\uE001`;
  /** @param {string} t @returns {string} */
  const restore = (t) => t.replace(/\uE000(\d+)\uE001/g, (_, n) => restore(slots[Number(n)] ?? ""));
  let s = escapeHtml(text);
  // Code and backslash escapes first, in one pass from the left: nothing inside a code span
  // is formatted (a `\` in one is as typed), and an escaped character is itself, not
  // formatting (`\*`, and `\`` opens no code).
  s = s.replace(CODE_OR_ESCAPE, (_, ticks, code, escaped) =>
    stash(ticks ? `<code>${code.trim()}</code>` : escaped),
  );
  // Images are not loaded (the page only shows its own files); their alt text stands in.
  s = s.replace(IMAGE, (_, alt) => stash(`<span class="md-image">${alt || "image"}</span>`));
  s = s.replace(LINK, (whole, label, url) => {
    // Judged with its escapes read, as the browser will read it: "/\/evil.example" is
    // "//evil.example", another site. A code span in it makes it no URL.
    const real = restore(url);
    return !real.includes("<") && safeUrl(real) ? stash(link(real, emphasis(label))) : whole;
  });
  s = s.replace(/\bhttps?:\/\/(?:(?!&quot;|&#39;|&lt;|&gt;)[^\s\uE000])+/g, (url) => {
    const bare = withoutTrail(url);
    return stash(link(bare, bare)) + url.slice(bare.length);
  });
  s = emphasis(s);
  return restore(s);
}

/**
 * A code span, or a backslash before ASCII punctuation (CommonMark's escapes), in escaped
 * text: `&`, `<`, `>`, `"` and `'` are entities by then.
 */
const CODE_OR_ESCAPE = /(`+)(.+?)\1(?!`)|\\(&amp;|&lt;|&gt;|&quot;|&#39;|[!#-%(-/:;=?@[-`{-~])/g;

/**
 * A link's URL inside `(...)`: no spaces, and parentheses only in balanced pairs, as
 * CommonMark reads them, so `(https://en.wikipedia.org/wiki/Rust_(programming_language))`
 * keeps its last `)`.
 */
const URL_IN_PARENS = String.raw`(?:[^()\s]|\([^()\s]*\))+`;
const IMAGE = new RegExp(String.raw`!\[([^\]\n]*)\]\((${URL_IN_PARENS})?\)`, "g");
const LINK = new RegExp(String.raw`\[([^\]\n]+)\]\((${URL_IN_PARENS})\)`, "g");

/**
 * A bare URL without the punctuation that ends the sentence around it; a closing `)` stays
 * when the URL opened one (`https://en.wikipedia.org/wiki/Rust_(programming_language)`).
 * @param {string} url
 */
function withoutTrail(url) {
  let end = url.length;
  for (;;) {
    const last = url[end - 1];
    if (last === ")") {
      const head = url.slice(0, end);
      if (count(head, "(") >= count(head, ")")) break;
    } else if (!last || !".,;:!?".includes(last)) break;
    end--;
  }
  return url.slice(0, end);
}

/** @param {string} text @param {string} char */
function count(text, char) {
  return text.split(char).length - 1;
}

/** @param {string} s already-escaped text */
function emphasis(s) {
  return s
    .replace(/\*\*(?=\S)(.+?)(?<=\S)\*\*/g, "<strong>$1</strong>")
    .replace(/(^|[^\w])__(?=\S)(.+?)(?<=\S)__(?!\w)/g, "$1<strong>$2</strong>")
    .replace(/\*(?=\S)(.+?)(?<=\S)\*/g, "<em>$1</em>")
    .replace(/(^|[^\w])_(?=\S)(.+?)(?<=\S)_(?!\w)/g, "$1<em>$2</em>")
    .replace(/~~(?=\S)(.+?)(?<=\S)~~/g, "<del>$1</del>");
}

/** @param {string} url escaped URL @param {string} labelHtml */
function link(url, labelHtml) {
  return `<a href="${url}" target="_blank" rel="noopener noreferrer">${labelHtml}</a>`;
}

/** Only web, mail and same-site links; never javascript:, data: and the like. @param {string} url */
function safeUrl(url) {
  // Same-site paths only: browsers read "//host" and "/\host" (backslash) as another site.
  return /^(https?:\/\/|mailto:|\/(?![/\\])|#)/i.test(url);
}
