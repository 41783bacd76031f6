#!/usr/bin/env node
// Runs the compiled CLI (out/cli, built by `npm run build:cli`, which `npm ci` runs through
// `prepare`). Without a build it says how to make one instead of failing with a stack.
const entry = new URL('../out/cli/refund-console.js', import.meta.url);

let cli;
try {
  cli = await import(entry.href);
} catch (error) {
  if (error?.code !== 'ERR_MODULE_NOT_FOUND' || !String(error.message).includes(entry.pathname)) throw error;
  process.stderr.write(
    'refund-console: the CLI is not built; run `npm run build:cli` (or `npm ci`) in the repository\n',
  );
  process.exit(70);
}
// A reader that stops early (`| head`) is not a failure of the command.
process.stdout.on('error', (error) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});
process.exitCode = await cli.main(process.argv.slice(2));
