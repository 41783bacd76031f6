import { parseArgs } from '../args';
import { EXIT, type CliIo } from '../io';
import { allowFlags, unwrap, withStore } from './with-store';

/** `refund-console [--db PATH] verify-audit`: exit 0 "ok N rows", exit 1 naming the first bad row. */
export async function verifyAuditCommand(args: string[], io: CliIo): Promise<number> {
  const parsed = parseArgs(args, ['db']);
  allowFlags(parsed, []);
  return withStore('verify-audit', parsed, io, async ({ handlers }) => {
    const result = unwrap(await handlers['audit.verify']({}));
    if (result.ok) {
      io.stdout(`ok ${result.rows} rows\n`);
      return EXIT.ok;
    }
    io.stderr(
      `refund-console verify-audit: audit row ${result.firstBadSeq} does not match the hash chain ` +
        `(${result.rows} rows); it or a row before it was changed outside the console\n`,
    );
    return EXIT.failed;
  });
}
