import { html, type SafeHtml } from './html';

export interface Bar {
  label: string;
  value: number;
  /** The value as the table under the chart writes it. */
  text: string;
}

const ROW = 7;
const LABEL_WIDTH = 60;
const BAR_WIDTH = 90;
const WIDTH = LABEL_WIDTH + BAR_WIDTH + 30;

/**
 * A horizontal bar chart as inline SVG: one row per bar, its label, the bar scaled to the
 * largest value and the value's text. Written here rather than taken from a charting library:
 * those draw into a DOM at run time (Chartist, Observable Plot, ApexCharts, billboard.js) or
 * are React components (visx), while a report is a string made in plain Node and printed with
 * JavaScript off. Labels are escaped like every other value.
 */
export function barChart(title: string, bars: readonly Bar[]): SafeHtml {
  const most = Math.max(0, ...bars.map((bar) => bar.value));
  const height = Math.max(1, bars.length) * ROW + 2;
  const rows = bars.map((bar, index) => {
    const y = index * ROW + 1;
    const width = most === 0 ? 0 : (bar.value / most) * BAR_WIDTH;
    return html`<g
      ><text x="${LABEL_WIDTH - 2}" y="${y + ROW / 2 + 1.2}" text-anchor="end" font-size="3.4"
        >${truncate(bar.label)}</text
      ><rect
        x="${LABEL_WIDTH}"
        y="${y + 1}"
        width="${width.toFixed(2)}"
        height="${ROW - 2}"
        fill="#3b6ea5"
      ></rect
      ><text x="${(LABEL_WIDTH + width + 1.5).toFixed(2)}" y="${y + ROW / 2 + 1.2}" font-size="3.4"
        >${bar.text}</text
      ></g
    >`;
  });
  return html`<figure>
    <svg
      xmlns="http://www.w3.org/2000/svg"
      role="img"
      viewBox="0 0 ${WIDTH} ${height}"
      width="100%"
      aria-label="${title}"
    >
      ${rows}
    </svg>
  </figure>`;
}

// The table under the chart carries the whole label; the chart keeps its own column.
const truncate = (label: string) => (label.length > 28 ? `${label.slice(0, 27)}…` : label);
