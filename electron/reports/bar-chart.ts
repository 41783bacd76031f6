import { barChartModel, type Bar } from '../../shared/charts/bar-chart';
import { html, type SafeHtml } from './html';

export type { Bar };

/**
 * The shared bar chart model (shared/charts) as inline SVG text. Written rather than taken
 * from a charting library: those draw into a DOM at run time (Chartist, Observable Plot,
 * ApexCharts, billboard.js) or are React components (visx), while a report is a string made in
 * plain Node and printed with JavaScript off. Labels are escaped like every other value.
 */
export function barChart(title: string, bars: readonly Bar[]): SafeHtml {
  const chart = barChartModel(bars);
  const font = chart.fontSize;
  const rows = chart.bars.map(
    (shape) =>
      html`<g
        ><text
          x="${shape.labelX.toFixed(2)}"
          y="${shape.textY.toFixed(2)}"
          text-anchor="end"
          font-size="${font}"
          >${shape.label}</text
        ><rect
          x="${shape.x}"
          y="${shape.y.toFixed(2)}"
          width="${shape.width.toFixed(2)}"
          height="${shape.height.toFixed(2)}"
          fill="#3b6ea5"
        ></rect
        ><text x="${shape.valueX.toFixed(2)}" y="${shape.textY.toFixed(2)}" font-size="${font}"
          >${shape.bar.text}</text
        ></g
      >`,
  );
  return html`<figure>
    <svg
      xmlns="http://www.w3.org/2000/svg"
      role="img"
      viewBox="0 0 ${chart.width} ${chart.height}"
      width="100%"
      aria-label="${title}"
    >
      ${rows}
    </svg>
  </figure>`;
}
