// The import service's face: CSV order files into cases.
export { runImport, type ImportOptions, type ImportProgress } from './run-import';
