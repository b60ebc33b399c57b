/**
 * The insights page's markup: the report for content authors (summary,
 * charts, tables, suggested alternates), and the small pages around it (sign
 * in, a bad period, the store down). Everything from users or content goes
 * through `html`, which escapes it.
 */
import type { Insights } from "../../store/types.ts";
import {
  notSureChart,
  OUTCOMES,
  outcomesChart,
  patternDefs,
  percent,
  sum,
  swatch,
} from "./charts.ts";
import { type Html, html } from "./html.ts";
import type { Period } from "./range.ts";

const PERIOD_CHOICES = [7, 30, 90] as const;

export interface PageShell {
  botName: string;
  /** The stylesheet's and script's URLs, versioned. */
  styleUrl: string;
  scriptUrl: string;
  iconUrl: string;
}

function layout(shell: PageShell, title: string, body: Html, signedIn: boolean): string {
  return html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<meta name="robots" content="noindex">
<title>${title} · ${shell.botName}</title>
<link rel="icon" href="${shell.iconUrl}" type="image/svg+xml">
<link rel="stylesheet" href="${shell.styleUrl}">
<script src="${shell.scriptUrl}" defer></script>
</head>
<body>
<header class="top">
<h1>${shell.botName} insights</h1>
${signedIn ? html`<form method="post" action="/insights/logout"><button type="submit">Sign out</button></form>` : null}
</header>
<main id="main">
${body}
</main>
</body>
</html>
`.value;
}

/** The sign-in form; `failed` adds a line that says only that it did not work. */
export function loginPage(shell: PageShell, failed: boolean): string {
  return layout(
    shell,
    "Sign in",
    html`<section class="login" aria-labelledby="login-title">
<h2 id="login-title">Sign in</h2>
<p>This page shows what people asked the bot. Enter the insights token (<code>INSIGHTS_TOKEN</code>) to see it.</p>
${failed ? html`<p class="error" role="alert">Sign-in failed. Check the token and try again.</p>` : null}
<form method="post" action="/insights/login">
<label for="token">Insights token</label>
<input id="token" name="token" type="password" autocomplete="current-password" required maxlength="500"${failed ? html` aria-invalid="true"` : null} autofocus>
<button type="submit">Sign in</button>
</form>
</section>`,
    false,
  );
}

/** A page that says what went wrong (a bad period, the store down), with the picker to go on. */
export function messagePage(shell: PageShell, title: string, message: string): string {
  return layout(
    shell,
    title,
    html`${picker(null)}<section class="message" aria-labelledby="message-title"><h2 id="message-title">${title}</h2><p role="alert">${message}</p></section>`,
    true,
  );
}

/** What the alternates section says of learning: the mode, and what the content already says. */
export interface Learning {
  mode: "suggest" | "auto" | "off";
  /** Read when the page is drawn: the content may have been reloaded since the last. */
  inContent: () => (a: Insights["alternates"][number]) => boolean;
}

export function reportPage(
  shell: PageShell,
  report: Insights,
  period: Period,
  learning: Learning,
): string {
  const days = report.perDay;
  const body = html`${patternDefs()}
${picker(period.days, period.days === null ? { from: report.from.slice(0, 10), to: report.to.slice(0, 10) } : undefined)}
<p class="period">From <time datetime="${report.from}">${report.from.slice(0, 10)}</time> to <time datetime="${report.to}">${report.to.slice(0, 10)}</time> (UTC).</p>
${summary(report)}
<section aria-labelledby="per-day-title">
<h2 id="per-day-title">Questions per day, by outcome</h2>
${legend()}
${outcomesChart(days)}
${dayTable(days)}
</section>
<section aria-labelledby="rate-title">
<h2 id="rate-title">Not-sure rate</h2>
<p class="hint">The share of each day's questions the bot could not answer. Days with no questions are left blank.</p>
${notSureChart(days)}
</section>
${unanswered(report)}
${perFaq(report)}
${alternates(report, learning)}`;
  return layout(shell, "Insights", body, true);
}

/** The period links, and a from/to form showing the current custom period, if one is shown. */
function picker(days: number | null, custom?: { from: string; to: string }): Html {
  return html`<nav class="picker" aria-label="Period">
<ul>${PERIOD_CHOICES.map(
    (n) =>
      html`<li><a href="/insights?days=${n}"${days === n ? html` aria-current="page"` : null}>Last ${n} days</a></li>`,
  )}</ul>
<form method="get" action="/insights" class="custom">
<label for="from">From</label> <input id="from" name="from" type="date" required value="${custom?.from ?? ""}">
<label for="to">To</label> <input id="to" name="to" type="date" required value="${custom?.to ?? ""}">
<button type="submit">Show</button>
</form>
</nav>`;
}

function summary(r: Insights): Html {
  const share = (n: number) => (r.asked ? ` (${percent(n / r.asked)})` : "");
  const items: Array<[string, string]> = [
    ["Asked", String(r.asked)],
    ["Sure", `${r.sure}${share(r.sure)}`],
    ["Likely", `${r.likely}${share(r.likely)}`],
    ["Not sure", `${r.not_sure}${share(r.not_sure)}`],
    ["Helpful", String(r.helpful)],
    ["Not helpful", String(r.not_helpful)],
  ];
  return html`<section aria-labelledby="summary-title"><h2 id="summary-title">Summary</h2>
<dl class="summary">${items.map(([k, v]) => html`<div><dt>${k}</dt><dd>${v}</dd></div>`)}</dl></section>`;
}

function legend(): Html {
  return html`<ul class="legend" aria-label="Legend">${OUTCOMES.map(
    (o) => html`<li>${swatch(o.fill)} ${o.label}</li>`,
  )}</ul>`;
}

function dayTable(days: Insights["perDay"]): Html {
  return html`<details class="numbers"><summary>Show these numbers as a table</summary>
<table><caption>Questions per day, by outcome</caption>
<thead><tr><th scope="col">Day</th><th scope="col" class="num">Sure</th><th scope="col" class="num">Likely</th><th scope="col" class="num">Not sure</th><th scope="col" class="num">Not-sure rate</th></tr></thead>
<tbody>${days.map((d) => {
    const total = sum(d);
    return html`<tr><th scope="row">${d.day}</th><td class="num">${d.sure}</td><td class="num">${d.likely}</td><td class="num">${d.not_sure}</td><td class="num">${total ? percent(d.not_sure / total) : "–"}</td></tr>`;
  })}</tbody></table></details>`;
}

function unanswered(r: Insights): Html {
  return html`<section aria-labelledby="unanswered-title">
<h2 id="unanswered-title">Top unanswered questions</h2>
<p class="hint">Questions the bot was not sure about, near-identical wordings grouped under the most common one. Each is a candidate for a new FAQ or an "Also asked" line.</p>
${
  r.unanswered.length
    ? html`<table><caption class="visually-hidden">Top unanswered questions</caption>
<thead><tr><th scope="col">Question</th><th scope="col" class="num">Times asked</th></tr></thead>
<tbody>${r.unanswered.map((u) => html`<tr><td class="question">${u.question}</td><td class="num">${u.count}</td></tr>`)}</tbody></table>`
    : html`<p>None in this period.</p>`
}</section>`;
}

function perFaq(r: Insights): Html {
  return html`<section aria-labelledby="faq-title">
<h2 id="faq-title">Helpful or not, per FAQ</h2>
${
  r.perFaq.length
    ? html`<table><caption class="visually-hidden">Votes per FAQ</caption>
<thead><tr><th scope="col">FAQ</th><th scope="col">Playbook</th><th scope="col" class="num">Helpful</th><th scope="col" class="num">Not helpful</th><th scope="col" class="num">Helpful share</th></tr></thead>
<tbody>${r.perFaq.map(
        (f) =>
          html`<tr><td>${f.faq}</td><td><code>${f.playbook}</code></td><td class="num">${f.helpful}</td><td class="num">${f.not_helpful}</td><td class="num">${percent(f.helpful / Math.max(f.helpful + f.not_helpful, 1))}</td></tr>`,
      )}</tbody></table>`
    : html`<p>No votes in this period.</p>`
}</section>`;
}

function alternates(r: Insights, learning: Learning): Html {
  const said = learning.inContent();
  const inContent = new Set(r.alternates.filter(said));
  const groups = new Map<string, Insights["alternates"]>();
  for (const a of r.alternates) {
    const key = JSON.stringify([a.playbook, a.faq]);
    const group = groups.get(key);
    if (group) group.push(a);
    else groups.set(key, [a]);
  }
  const sections = [...groups.values()].map((list, i) => {
    const first = list[0];
    if (!first) return null;
    // Confirmed, and not yet in the content: what is left to paste.
    const toPaste = list.filter((a) => a.applied && !inContent.has(a));
    const state = (a: Insights["alternates"][number]) =>
      !a.applied ? "Not yet" : inContent.has(a) ? "In the content" : "Yes";
    const snippetId = `snippet-${i}`;
    return html`<article class="alternate" aria-labelledby="alt-${i}">
<h3 id="alt-${i}">${first.faq}${first.playbook ? html` <span class="playbook">in <code>${first.playbook}</code></span>` : null}</h3>
<table><caption class="visually-hidden">Suggested alternates for ${first.faq}</caption>
<thead><tr><th scope="col">Asked as</th><th scope="col" class="num">People</th><th scope="col" class="num">Confirmed</th></tr></thead>
<tbody>${list.map(
      (a) =>
        html`<tr><td class="question">${a.question}</td><td class="num">${a.users}</td><td class="num">${state(a)}</td></tr>`,
    )}</tbody></table>
${
  toPaste.length
    ? html`<p class="hint">To keep them in the content, paste this line under the question (or step heading) in the playbook:</p>
<div class="snippet"><pre id="${snippetId}" tabindex="0" aria-label="Snippet for ${first.faq}">${alsoAsked(toPaste)}</pre><button type="button" class="copy" data-copy="${snippetId}" hidden>Copy</button><span class="copied" role="status"></span></div>`
    : list.some((a) => a.applied)
      ? html`<p class="hint">Every confirmed phrasing is in the content already: nothing to paste.</p>`
      : html`<p class="hint">Not confirmed by enough people yet: no snippet.</p>`
}
</article>`;
  });
  return html`<section aria-labelledby="alternates-title">
<h2 id="alternates-title">Suggested alternates</h2>
<p class="hint">Questions people asked and then answered themselves by choosing this FAQ (or step) among the suggestions. A phrasing is confirmed once enough different people made the same choice (<code>LEARN_MIN_USERS</code>). ${
    learning.mode === "auto"
      ? "With LEARN=auto a confirmed phrasing already answers; its line in the playbook keeps it if the store is lost."
      : learning.mode === "suggest"
        ? "With LEARN=suggest the bot does not answer with these: a confirmed phrasing answers once its line is in the playbook."
        : "With LEARN=off nothing is learned."
  }</p>
${sections.length ? sections : html`<p>None yet.</p>`}
</section>`;
}

/** The content form of alternates (see docs/accuracy.md): `Also asked: one | another`. */
export function alsoAsked(list: Insights["alternates"]): string {
  // A `|` or `;` inside a phrasing would split it in two when the content is read back.
  return `Also asked: ${list.map((a) => a.question.replace(/\s*[|;]\s*/g, " ")).join(" | ")}`;
}
