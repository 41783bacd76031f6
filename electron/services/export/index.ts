// The export service's face: cases with their latest decision as CSV, JSON or XLSX.
export { runExport, type ExportOptions } from './run-export';
