import { describe, expect, it } from 'vitest';
import { ExportFilterSchema } from '../../../shared/model/export';
import { exportFileName, exportFilterFor } from './export-filter';

describe('exportFilterFor', () => {
  it('selects what each kind of queue query lists, as a filter the export accepts', () => {
    const filter = exportFilterFor({
      status: ['open', 'pending_customer'],
      productType: ['saas'],
      latestOutcome: ['needs_info'],
      assignee: 'Mei Lin',
      provider: 'Acme Cloud',
      closesAfter: '2026-03-01T10:00:00.000Z',
      closesBefore: '2026-03-02T10:00:00.000Z',
      decidedSince: '2026-03-01T00:00:00+08:00',
      sort: 'updated',
    });
    expect(filter).toEqual({
      dates: 'decided',
      status: ['open', 'pending_customer'],
      kind: ['saas'],
      outcome: ['needs_info'],
      assignee: 'Mei Lin',
      provider: 'Acme Cloud',
      closesAfter: '2026-03-01T10:00:00.000Z',
      closesBefore: '2026-03-02T10:00:00.000Z',
      from: '2026-03-01T00:00:00+08:00',
    });
    expect(ExportFilterSchema.parse(filter)).toEqual(filter);
  });

  it('carries the dashboard’s drill-down: a period of decisions, by an agent, overridden', () => {
    const filter = exportFilterFor({
      decidedSince: '2026-03-01T00:00:00+08:00',
      decidedBefore: '2026-03-08T00:00:00+08:00',
      decidedBy: 'Mei Lin',
      overridden: true,
    });
    expect(filter).toEqual({
      dates: 'decided',
      from: '2026-03-01T00:00:00+08:00',
      to: '2026-03-08T00:00:00+08:00',
      decidedBy: 'Mei Lin',
      overridden: true,
    });
    expect(ExportFilterSchema.parse(filter)).toEqual(filter);
  });

  it('the whole store for the "all" view; no assignee filter while the agent has no name', () => {
    expect(exportFilterFor({})).toEqual({ dates: 'decided' });
    expect(exportFilterFor({ assignee: '' })).toEqual({ dates: 'decided' });
  });

  it('names the file after the view and the day', () => {
    expect(exportFileName('open', 'xlsx', new Date('2026-03-01T12:00:00Z'))).toBe(
      'refund-cases-open-2026-03-01.xlsx',
    );
  });
});
