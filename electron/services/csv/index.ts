// Reading and writing CSV files, shared by the import, export and batch-decision services.
export { CsvFile, type CsvBlock, type CsvRecord, type ReadProgress } from './read';
export { plainRecords, type LineEnd, type LinesText } from './plain-records';
export { CsvFileError, detectEncoding, type DetectedEncoding } from './encoding';
export { csvCell, csvLine, LineBlocks, neutraliseFormula } from './write';
