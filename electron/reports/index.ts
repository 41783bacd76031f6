// The reports' one face: documents rendered from store data, as HTML strings. Plain Node, no
// Electron: the shell prints these strings with printToPDF, the CLI with Chromium (electron/print).
export { caseReportData } from './case-data';
export { caseReportHtml, type CaseReportData } from './case-report';
export { PAPERS, type Paper, type PrintOptions } from './page';
export { periodFigures } from './period-data';
export { periodReportHtml } from './period-report';
