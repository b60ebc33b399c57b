/**
 * The page's two charts as inline SVG, drawn here on the server: no chart
 * library, no script, nothing fetched. Colours come from the stylesheet's
 * classes (so they follow the light or dark theme); outcomes are also told
 * apart by pattern (solid, stripes, dots) and named in the legend, never by
 * colour alone. Each chart is one `role="img"` whose title sums up the data;
 * the page shows the same numbers in a table.
 */
import { type Html, html } from "./html.ts";

export interface DayCounts {
  day: string;
  sure: number;
  likely: number;
  not_sure: number;
}

const WIDTH = 720;
const HEIGHT = 240;
const PAD = { top: 12, right: 12, bottom: 28, left: 44 };
const PLOT_W = WIDTH - PAD.left - PAD.right;
const PLOT_H = HEIGHT - PAD.top - PAD.bottom;
/** At most this many dates under the x axis, so they never overlap. */
const MAX_X_LABELS = 8;

export const OUTCOMES = [
  { key: "sure", label: "Sure", fill: "url(#ins-solid)" },
  { key: "likely", label: "Likely", fill: "url(#ins-stripes)" },
  { key: "not_sure", label: "Not sure", fill: "url(#ins-dots)" },
] as const;

/**
 * The fills the bars and the legend use, defined once per page: the
 * outcome's colour, with stripes or dots in the page's background colour.
 */
export function patternDefs(): Html {
  return html`<svg class="defs" aria-hidden="true" focusable="false" width="0" height="0"><defs>
<pattern id="ins-solid" width="8" height="8" patternUnits="userSpaceOnUse"><rect class="o-sure" width="8" height="8"/></pattern>
<pattern id="ins-stripes" width="8" height="8" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect class="o-likely" width="8" height="8"/><rect class="o-gap" width="3" height="8"/></pattern>
<pattern id="ins-dots" width="8" height="8" patternUnits="userSpaceOnUse"><rect class="o-not_sure" width="8" height="8"/><circle class="o-gap" cx="4" cy="4" r="1.8"/></pattern>
</defs></svg>`;
}

/** A small square of an outcome's fill, for legends and table headers. */
export function swatch(fill: string): Html {
  return html`<svg class="swatch" aria-hidden="true" focusable="false" width="14" height="14" viewBox="0 0 14 14"><rect x="0.5" y="0.5" width="13" height="13" fill="${fill}" class="edge"/></svg>`;
}

/** Questions per day, stacked by outcome: sure at the bottom, then likely, then not sure. */
export function outcomesChart(days: readonly DayCounts[]): Html {
  const totals = days.map(sum);
  const asked = totals.reduce((a, b) => a + b, 0);
  const top = niceMax(Math.max(0, ...totals));
  const slot = PLOT_W / Math.max(days.length, 1);
  const barW = Math.max(slot * 0.75, 1);
  const y = (v: number) => PAD.top + PLOT_H - (v / top) * PLOT_H;
  const bars = days.map((d, i) => {
    let base = 0;
    const x = PAD.left + i * slot + (slot - barW) / 2;
    return OUTCOMES.map((o) => {
      const v = d[o.key];
      if (v === 0) return null;
      const rect = html`<rect x="${fmt(x)}" y="${fmt(y(base + v))}" width="${fmt(barW)}" height="${fmt(y(base) - y(base + v))}" fill="${o.fill}" class="bar"><title>${d.day}: ${v} ${o.label.toLowerCase()}</title></rect>`;
      base += v;
      return rect;
    });
  });
  const busiest = days.reduce<DayCounts | null>(
    (best, d, i) => (totals[i] && (!best || (totals[i] ?? 0) > sum(best)) ? d : best),
    null,
  );
  const sums = OUTCOMES.map(
    (o) => `${days.reduce((a, d) => a + d[o.key], 0)} ${o.label.toLowerCase()}`,
  );
  const summary =
    `Questions per day by outcome, ${range(days)}: ${asked} asked (${sums.join(", ")})` +
    (busiest ? `; busiest day ${busiest.day} with ${sum(busiest)}.` : ".");
  return chart(
    "ins-outcomes-title",
    summary,
    html`${yAxis(top, y, (v) => String(v))}${xAxis(days, slot)}${bars}`,
  );
}

/** The share of each day's questions that got "not sure"; days with no questions leave a gap. */
export function notSureChart(days: readonly DayCounts[]): Html {
  const slot = PLOT_W / Math.max(days.length, 1);
  const y = (share: number) => PAD.top + PLOT_H - share * PLOT_H;
  const points = days.map((d, i) => {
    const total = sum(d);
    return total === 0
      ? null
      : {
          x: PAD.left + i * slot + slot / 2,
          y: y(d.not_sure / total),
          day: d.day,
          share: d.not_sure / total,
        };
  });
  // One polyline per run of days with questions, so an empty day is a visible gap, not a fake 0%.
  const runs: Array<Array<{ x: number; y: number }>> = [];
  let run: Array<{ x: number; y: number }> = [];
  for (const p of points) {
    if (p) run.push(p);
    else if (run.length) {
      runs.push(run);
      run = [];
    }
  }
  if (run.length) runs.push(run);
  const lines = runs.map(
    (r) =>
      html`<polyline class="rate-line" points="${r.map((p) => `${fmt(p.x)},${fmt(p.y)}`).join(" ")}"/>`,
  );
  const dots = points.map((p) =>
    p
      ? html`<circle class="rate-dot" cx="${fmt(p.x)}" cy="${fmt(p.y)}" r="3"><title>${p.day}: ${percent(p.share)} not sure</title></circle>`
      : null,
  );
  const all = days.reduce(
    (a, d) => ({ asked: a.asked + sum(d), notSure: a.notSure + d.not_sure }),
    { asked: 0, notSure: 0 },
  );
  const measured = points.filter((p) => p !== null);
  const worst = measured.reduce<(typeof measured)[number] | null>(
    (w, p) => (!w || p.share > w.share ? p : w),
    null,
  );
  const summary =
    all.asked === 0
      ? `Not-sure rate per day, ${range(days)}: no questions in this period.`
      : `Not-sure rate per day, ${range(days)}: ${percent(all.notSure / all.asked)} over the period` +
        (worst ? `; highest ${percent(worst.share)} on ${worst.day}.` : ".");
  return chart(
    "ins-rate-title",
    summary,
    html`${yAxis(1, y, percent, [0, 0.25, 0.5, 0.75, 1])}${xAxis(days, slot)}${lines}${dots}`,
  );
}

function chart(id: string, summary: string, body: Html): Html {
  return html`<svg class="chart" role="img" aria-labelledby="${id}" viewBox="0 0 ${WIDTH} ${HEIGHT}" preserveAspectRatio="xMidYMid meet"><title id="${id}">${summary}</title>${body}</svg>`;
}

function yAxis(
  top: number,
  y: (v: number) => number,
  label: (v: number) => string,
  ticks: number[] = [0, top / 4, top / 2, (3 * top) / 4, top].filter(
    (v, i, all) => Number.isInteger(v) && all.indexOf(v) === i,
  ),
): Html {
  return html`${ticks.map(
    (v) =>
      html`<line class="grid" x1="${PAD.left}" x2="${WIDTH - PAD.right}" y1="${fmt(y(v))}" y2="${fmt(y(v))}"/><text class="axis" x="${PAD.left - 6}" y="${fmt(y(v) + 4)}" text-anchor="end">${label(v)}</text>`,
  )}`;
}

function xAxis(days: readonly DayCounts[], slot: number): Html {
  const every = Math.max(1, Math.ceil(days.length / MAX_X_LABELS));
  return html`${days.map((d, i) =>
    i % every === 0
      ? html`<text class="axis" x="${fmt(PAD.left + i * slot + slot / 2)}" y="${HEIGHT - 8}" text-anchor="middle">${d.day.slice(5)}</text>`
      : null,
  )}`;
}

/** A round top for the y axis (1, 2, 4, 5, 8, 10, 20, 40, 50...), so gridlines land on whole numbers. */
function niceMax(value: number): number {
  if (value <= 4) return 4;
  const magnitude = 10 ** Math.floor(Math.log10(value));
  for (const step of [1, 2, 4, 5, 8, 10]) if (step * magnitude >= value) return step * magnitude;
  return 10 * magnitude;
}

/** A day's questions, all outcomes. */
export function sum(d: DayCounts): number {
  return d.sure + d.likely + d.not_sure;
}

function range(days: readonly DayCounts[]): string {
  const first = days[0]?.day;
  const last = days.at(-1)?.day;
  return first === last ? (first ?? "no days") : `${first} to ${last}`;
}

export function percent(share: number): string {
  return `${Math.round(share * 100)}%`;
}

function fmt(n: number): string {
  return String(Math.round(n * 10) / 10);
}
