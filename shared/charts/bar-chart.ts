/**
 * A horizontal bar chart as geometry, drawn by two hands from this one model: the period
 * report writes it as an SVG string (electron/reports/bar-chart.ts, printed with JavaScript
 * off) and the console's dashboard as React SVG elements it can click through.
 */
export interface Bar {
  label: string;
  value: number;
  /** The value as the table under the chart writes it. */
  text: string;
}

/** Sizes in the SVG's own units. */
export interface BarLayout {
  row: number;
  labelWidth: number;
  barWidth: number;
  /** Room right of the longest bar for its value's text. */
  valueRoom: number;
  fontSize: number;
  /** The longest label drawn whole; the table under the chart carries the whole label. */
  maxLabel: number;
}

/** The period report's layout: a page-wide figure with small print. */
export const REPORT_LAYOUT: BarLayout = {
  row: 7,
  labelWidth: 60,
  barWidth: 90,
  valueRoom: 30,
  fontSize: 3.4,
  maxLabel: 28,
};

export interface BarShape {
  bar: Bar;
  /** The label, cut short when too long for its column. */
  label: string;
  labelX: number;
  textY: number;
  x: number;
  y: number;
  width: number;
  height: number;
  valueX: number;
}

export interface BarChartModel {
  width: number;
  height: number;
  fontSize: number;
  bars: BarShape[];
}

const cut = (label: string, max: number) => (label.length > max ? `${label.slice(0, max - 1)}…` : label);

/** One row per bar: its label right-aligned, the bar scaled to the largest value, the value's text. */
export function barChartModel(bars: readonly Bar[], layout: BarLayout = REPORT_LAYOUT): BarChartModel {
  const { row, labelWidth, barWidth, fontSize } = layout;
  const most = Math.max(0, ...bars.map((bar) => bar.value));
  const gap = fontSize * 0.6;
  return {
    width: labelWidth + barWidth + layout.valueRoom,
    height: Math.max(1, bars.length) * row + 2,
    fontSize,
    bars: bars.map((bar, index) => {
      const y = index * row + 1;
      const width = most === 0 ? 0 : (bar.value / most) * barWidth;
      return {
        bar,
        label: cut(bar.label, layout.maxLabel),
        labelX: labelWidth - gap,
        textY: y + row / 2 + fontSize * 0.35,
        x: labelWidth,
        y: y + row * 0.15,
        width,
        height: row * 0.7,
        valueX: labelWidth + width + gap,
      };
    }),
  };
}
