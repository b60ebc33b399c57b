/**
 * The page's stylesheet and its one small script, kept as strings in code so
 * they ship with the build (no files to copy) and are served from
 * `/insights/` under the CSP's 'self'. Colours are custom properties, swapped
 * for the dark theme; each outcome colour keeps at least 3:1 against the
 * background in both themes, and text 4.5:1.
 */
export const STYLE = `
:root {
  color-scheme: light dark;
  --bg: #ffffff; --fg: #1f2328; --muted: #57606a; --line: #d0d7de; --panel: #f6f8fa;
  --link: #0550ae; --error: #a40e26;
  --sure: #1a7f37; --likely: #9a6700; --not_sure: #cf222e; --rate: #cf222e;
}
@media (prefers-color-scheme: dark) {
  :root {
    --bg: #0d1117; --fg: #e6edf3; --muted: #9da7b3; --line: #3d444d; --panel: #161b22;
    --link: #79c0ff; --error: #ff8182;
    --sure: #3fb950; --likely: #d29922; --not_sure: #f85149; --rate: #ff7b72;
  }
}
* { box-sizing: border-box; }
body { margin: 0; background: var(--bg); color: var(--fg);
  font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
a { color: var(--link); }
code, pre { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 0.9em; }
.top { display: flex; justify-content: space-between; align-items: center; gap: 1rem;
  padding: 0.75rem 1.25rem; border-bottom: 1px solid var(--line); }
.top h1 { font-size: 1.25rem; margin: 0; }
main { max-width: 60rem; margin: 0 auto; padding: 1rem 1.25rem 3rem; }
h2 { font-size: 1.15rem; margin: 2rem 0 0.5rem; }
h3 { font-size: 1rem; margin: 1.25rem 0 0.5rem; }
.hint, .period, .playbook { color: var(--muted); }
.hint { margin: 0.25rem 0 0.75rem; }
button { font: inherit; color: var(--fg); background: var(--panel); border: 1px solid var(--muted);
  border-radius: 6px; padding: 0.3rem 0.8rem; cursor: pointer; }
button:focus-visible, a:focus-visible, input:focus-visible, pre:focus-visible, summary:focus-visible {
  outline: 3px solid var(--link); outline-offset: 2px; }
input { font: inherit; color: var(--fg); background: var(--bg); border: 1px solid var(--muted);
  border-radius: 6px; padding: 0.3rem 0.5rem; }
.picker { display: flex; flex-wrap: wrap; gap: 0.75rem 1.5rem; align-items: center; }
.picker ul { display: flex; gap: 0.5rem; list-style: none; margin: 0; padding: 0; }
.picker a { display: inline-block; padding: 0.3rem 0.8rem; border: 1px solid var(--line);
  border-radius: 999px; text-decoration: none; }
.picker a[aria-current="page"] { background: var(--fg); color: var(--bg); border-color: var(--fg); font-weight: 600; }
.custom { display: flex; flex-wrap: wrap; gap: 0.4rem; align-items: center; }
.summary { display: grid; grid-template-columns: repeat(auto-fit, minmax(8rem, 1fr)); gap: 0.5rem; margin: 0; }
.summary div { background: var(--panel); border: 1px solid var(--line); border-radius: 8px; padding: 0.5rem 0.75rem; }
.summary dt { color: var(--muted); font-size: 0.9rem; }
.summary dd { margin: 0; font-size: 1.3rem; font-weight: 600; }
.legend { display: flex; gap: 1.25rem; list-style: none; padding: 0; margin: 0 0 0.5rem; }
.legend li { display: flex; align-items: center; gap: 0.4rem; }
.defs { position: absolute; width: 0; height: 0; overflow: hidden; }
.chart { width: 100%; height: auto; display: block; }
.o-sure { fill: var(--sure); } .o-likely { fill: var(--likely); } .o-not_sure { fill: var(--not_sure); }
.o-gap { fill: var(--bg); }
.bar { stroke: var(--bg); stroke-width: 1; }
.edge { stroke: var(--fg); stroke-width: 1; }
.grid { stroke: var(--line); stroke-width: 1; }
.axis { fill: var(--muted); font-size: 12px; }
.rate-line { fill: none; stroke: var(--rate); stroke-width: 2.5; }
.rate-dot { fill: var(--rate); stroke: var(--bg); stroke-width: 1; }
table { border-collapse: collapse; width: 100%; margin: 0.5rem 0; }
caption { text-align: left; font-weight: 600; padding: 0.25rem 0; }
th, td { text-align: left; padding: 0.35rem 0.6rem; border-bottom: 1px solid var(--line); vertical-align: top; }
.num { text-align: right; font-variant-numeric: tabular-nums; }
.question { overflow-wrap: anywhere; }
.numbers summary { cursor: pointer; color: var(--link); margin: 0.5rem 0; }
.snippet { display: flex; gap: 0.5rem; align-items: flex-start; flex-wrap: wrap; }
.snippet pre { flex: 1 1 20rem; margin: 0; padding: 0.6rem 0.75rem; background: var(--panel);
  border: 1px solid var(--line); border-radius: 6px; white-space: pre-wrap; overflow-wrap: anywhere; }
.copied { color: var(--muted); align-self: center; }
.login { max-width: 26rem; }
.login form { display: flex; flex-direction: column; gap: 0.5rem; align-items: flex-start; }
.login input { width: 100%; }
.error { color: var(--error); font-weight: 600; }
.visually-hidden { position: absolute; width: 1px; height: 1px; padding: 0; margin: -1px;
  overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; border: 0; }
`;

/**
 * The "Copy" buttons of the alternate snippets: hidden in the markup, shown
 * only where this runs, so without script the snippet is still selectable text.
 */
export const SCRIPT = `"use strict";
for (const button of document.querySelectorAll("button[data-copy]")) {
  const source = document.getElementById(button.dataset.copy);
  const status = button.nextElementSibling;
  if (!source || !navigator.clipboard) continue;
  button.hidden = false;
  button.addEventListener("click", async () => {
    try {
      await navigator.clipboard.writeText(source.textContent);
      status.textContent = "Copied.";
    } catch {
      status.textContent = "Could not copy: select the text instead.";
    }
  });
}
`;

/** Three bars: the tab's icon, so the browser does not ask for a missing /favicon.ico. */
export const ICON = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 16 16"><rect x="1" y="8" width="4" height="7" fill="#1a7f37"/><rect x="6" y="4" width="4" height="11" fill="#9a6700"/><rect x="11" y="1" width="4" height="14" fill="#cf222e"/></svg>`;
