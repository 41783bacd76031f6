import { UTC_OFFSET } from '../../shared/import';
import { UsageError } from '../errors';

const THROTTLE_MS = 200;

/**
 * A progress line redrawn in place on the terminal, written to stderr directly (the CLI's
 * output channel escapes control characters); nothing when stderr is a file or a pipe, where
 * it would only be noise. `done` clears it before the result is printed.
 */
export function progressLine(): { show: (text: string) => void; done: () => void } {
  const terminal = process.stderr.isTTY === true;
  let last = 0;
  let shown = false;
  return {
    show(text) {
      const now = performance.now();
      if (!terminal || now - last < THROTTLE_MS) return;
      last = now;
      shown = true;
      process.stderr.write(`\r\x1b[2K${text}`);
    },
    done() {
      if (shown) process.stderr.write('\r\x1b[2K');
    },
  };
}

export const count = (n: number) => Math.round(n).toLocaleString('en');

export function amountUnit(value: string | undefined): 'yuan' | 'fen' | undefined {
  if (value === undefined || value === 'yuan' || value === 'fen') return value;
  throw new UsageError('--amount-unit must be yuan or fen');
}

export function assumeOffset(value: string | undefined): string | undefined {
  if (value === undefined || UTC_OFFSET.test(value)) return value;
  throw new UsageError('--assume-offset must be a UTC offset such as +08:00');
}
