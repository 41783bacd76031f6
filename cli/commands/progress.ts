import type { CliIo } from '../io';

const THROTTLE_MS = 200;

/**
 * A progress line redrawn in place on a terminal (and nothing when stderr is a file or a
 * pipe, where it would only be noise); `done` clears it before the result is printed.
 */
export function progressLine(io: CliIo): { show: (text: string) => void; done: () => void } {
  let last = 0;
  let shown = false;
  return {
    show(text) {
      if (!io.stderrIsTerminal) return;
      const now = performance.now();
      if (now - last < THROTTLE_MS) return;
      last = now;
      shown = true;
      io.stderr(`\r\x1b[2K${text}`);
    },
    done() {
      if (shown) io.stderr('\r\x1b[2K');
    },
  };
}

export const count = (n: number) => Math.round(n).toLocaleString('en');
