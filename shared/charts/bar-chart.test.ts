import { describe, expect, it } from 'vitest';
import { barChartModel, REPORT_LAYOUT } from './bar-chart';

describe('the bar chart model', () => {
  it('scales bars to the largest value, one row each, and cuts long labels short', () => {
    const chart = barChartModel([
      { label: 'Refused', value: 30, text: '30' },
      { label: 'x'.repeat(40), value: 15, text: '15' },
      { label: 'None', value: 0, text: '0' },
    ]);
    expect(chart.width).toBe(REPORT_LAYOUT.labelWidth + REPORT_LAYOUT.barWidth + REPORT_LAYOUT.valueRoom);
    expect(chart.height).toBe(3 * REPORT_LAYOUT.row + 2);
    expect(chart.bars.map((bar) => bar.width)).toEqual([
      REPORT_LAYOUT.barWidth,
      REPORT_LAYOUT.barWidth / 2,
      0,
    ]);
    expect(chart.bars.map((bar) => bar.y)).toEqual([1, 1 + 7, 1 + 14].map((y) => y + 7 * 0.15));
    expect(chart.bars[1]!.label).toHaveLength(REPORT_LAYOUT.maxLabel);
    expect(chart.bars[1]!.label.endsWith('…')).toBe(true);
    expect(chart.bars[1]!.bar.label).toHaveLength(40);
  });

  it('draws an empty chart one row high with nothing to divide by', () => {
    expect(barChartModel([])).toMatchObject({ height: REPORT_LAYOUT.row + 2, bars: [] });
    expect(barChartModel([{ label: 'a', value: 0, text: '0' }]).bars[0]!.width).toBe(0);
  });
});
