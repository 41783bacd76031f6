import { barChartModel, type Bar, type BarLayout } from '../../../shared/charts/bar-chart';

/** The console's scale for the shared chart model: one row per 28 px, text at 13 px. */
const SCREEN_LAYOUT: BarLayout = {
  row: 28,
  labelWidth: 170,
  barWidth: 260,
  valueRoom: 70,
  fontSize: 13,
  maxLabel: 22,
};

export interface ChartBar extends Bar {
  /** Opens the bar's cases; absent for a bar that stands for no filter (the "others" row). */
  open?: (() => void) | undefined;
}

/**
 * The same geometry the period report prints (shared/charts), drawn as React SVG so each bar
 * can be clicked. The chart is a picture for the eye: its numbers and the keyboard's way in
 * are in the table under it, so the bars are not tab stops of their own.
 */
export function BarChart({ title, bars }: { title: string; bars: readonly ChartBar[] }) {
  const chart = barChartModel(bars, SCREEN_LAYOUT);
  return (
    <svg
      className="bar-chart"
      role="img"
      aria-label={title}
      viewBox={`0 0 ${chart.width} ${chart.height}`}
      style={{ maxWidth: chart.width }}
    >
      {chart.bars.map((shape, index) => {
        const open = bars[index]!.open;
        return (
          <g
            key={index}
            className={open === undefined ? undefined : 'drill'}
            onClick={open}
            data-label={shape.bar.label}
          >
            <text x={shape.labelX} y={shape.textY} textAnchor="end" fontSize={chart.fontSize}>
              {shape.label}
            </text>
            <rect x={shape.x} y={shape.y} width={shape.width} height={shape.height} rx={2} />
            <text x={shape.valueX} y={shape.textY} fontSize={chart.fontSize}>
              {shape.bar.text}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
