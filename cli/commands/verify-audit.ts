import { defineCommand } from '../command';
import { CheckFailedError } from '../errors';
import { unwrap, withStore } from './with-store';

/** Exit 0 "ok N rows", exit 1 naming the first bad row. */
export default defineCommand({
  args: '',
  arity: [0, 0],
  summary: "Check the audit trail's hash chain; names the first row that does not match.",
  options: {},
  usesStore: true,
  run: ({ db, io }) =>
    withStore(db, async ({ handlers }) => {
      const result = unwrap(await handlers['audit.verify']({}));
      if (!result.ok) {
        throw new CheckFailedError(
          `audit row ${result.firstBadSeq} does not match the hash chain (${result.rows} rows); ` +
            'it or a row before it was changed outside the console',
        );
      }
      io.stdout(`ok ${result.rows} rows\n`);
    }),
});
