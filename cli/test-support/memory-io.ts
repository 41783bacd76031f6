import { readFile } from 'node:fs/promises';
import type { CliIo } from '../io';

/** Real files for input, captured text for output: what a command printed, and where. */
export function memoryIo(stdin = ''): CliIo & { out: string; err: string } {
  const io = {
    out: '',
    err: '',
    readInput: async (path: string) => (path === '-' ? stdin : readFile(path, 'utf8')),
    readBytes: async (path: string) => (path === '-' ? new TextEncoder().encode(stdin) : readFile(path)),
    stdout: (text: string) => {
      io.out += text;
    },
    stderr: (text: string) => {
      io.err += text;
    },
  };
  return io;
}
