// Printing HTML to PDF with Chromium through playwright-core, for the CLI, the tests and the
// benchmarks. The desktop app prints with Electron's own printToPDF instead.
export { CHROMIUM_ARGS, chromiumPath, openPrinter, PrinterUnavailableError, type Printer } from './chromium';
