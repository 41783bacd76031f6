import { defineCommand } from '../command';
import { CheckFailedError } from '../errors';
import { unwrap, withStore } from './with-store';

/** Exit 0 "ok N rows", exit 1 with one line per finding. */
export default defineCommand({
  args: '',
  arity: [0, 0],
  summary: 'Check the file, the audit trail and the data against it; names every finding.',
  options: {},
  usesStore: true,
  run: ({ db, newStore, io }) =>
    withStore({ db, newStore }, async ({ handlers }) => {
      const result = unwrap(await handlers['audit.verify']({}));
      if (!result.ok) {
        const problems = result.problems.length > 0 ? result.problems : ['the audit trail does not verify'];
        // One line each; the last is the failure the CLI reports with exit 1.
        for (const problem of problems.slice(0, -1)) io.stderr(`refund-console verify-audit: ${problem}\n`);
        throw new CheckFailedError(problems.at(-1)!);
      }
      io.stdout(`ok ${result.rows} rows\n`);
    }),
});
