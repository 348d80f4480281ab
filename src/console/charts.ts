import { html, type SafeHtml } from "./html.ts";

/** One bar: its label under the axis, its value above the bar (null: no data, drawn as a dash). */
export interface Bar {
  label: string;
  /** a second, smaller line under the label (the year under January and the first month) */
  sublabel?: string;
  value: number | null;
}

/**
 * A bar chart as inline SVG, drawn on the server: no script, nothing loaded. Every bar carries its
 * number as text, so the chart reads without colour; `title` names it for screen readers.
 */
export function barChart(input: { title: string; bars: Bar[]; max?: number; colour?: string; height?: number }): SafeHtml {
  const { bars } = input;
  const height = input.height ?? 180;
  const barWidth = 28;
  const gap = 8;
  const top = 22;
  const bottom = 40;
  const left = 8;
  const width = left * 2 + bars.length * (barWidth + gap);
  const max = Math.max(1, input.max ?? 0, ...bars.map((b) => b.value ?? 0));
  const plot = height - top - bottom;
  const colour = input.colour ?? "#1e7a46";
  const items = bars.map((b, i) => {
    const x = left + i * (barWidth + gap) + gap / 2;
    const h = b.value === null ? 0 : Math.round((b.value / max) * plot);
    const y = top + plot - h;
    const cx = x + barWidth / 2;
    return html`<g>
<rect x="${x}" y="${y}" width="${barWidth}" height="${h}" fill="${colour}"></rect>
<text x="${cx}" y="${y - 6}" text-anchor="middle" font-size="14">${b.value === null ? "–" : b.value}</text>
<text x="${cx}" y="${height - bottom + 17}" text-anchor="middle" font-size="13">${b.label}</text>
${b.sublabel ? html`<text x="${cx}" y="${height - bottom + 33}" text-anchor="middle" font-size="11">${b.sublabel}</text>` : ""}
</g>`;
  });
  return html`<svg class="chart" role="img" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" xmlns="http://www.w3.org/2000/svg"><title>${input.title}</title>
<line x1="${left}" y1="${top + plot}" x2="${width - left}" y2="${top + plot}" stroke="#4a4a4a" stroke-width="1"></line>
${items}
</svg>`;
}
