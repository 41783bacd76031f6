import { caseReportData, caseReportHtml, periodFigures, periodReportHtml } from '../reports';
import type { CaseStore } from '../store';
import type { Implementations } from './types';

const day = (iso: string) => iso.slice(0, 10);

/**
 * Reports as HTML strings: the shell prints them with printToPDF and saves them where the
 * agent chose; the browser console downloads them.
 */
export const reportHandlers = (store: CaseStore): Implementations<'reports.case' | 'reports.period'> => ({
  'reports.case': async ({ ref, language, paper }) => ({
    html: await caseReportHtml(caseReportData(store, ref), { language, paper }),
    fileName: `${ref}.html`,
  }),
  'reports.period': async ({ language, paper, ...query }) => {
    const figures = periodFigures(store, query);
    return {
      figures,
      html: await periodReportHtml(figures, { language, paper }),
      fileName: `refunds-${day(query.from)}-${day(query.to)}.html`,
    };
  },
});
