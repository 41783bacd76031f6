import { readFile } from 'node:fs/promises';

/** What a command may touch of the outside world; tests pass a fake. */
export interface CliIo {
  /** The text of the file at the path, or of standard input for "-". */
  readInput(pathOrDash: string): Promise<string>;
  stdout(text: string): void;
  stderr(text: string): void;
}

/** 0 done, 1 a check failed (e.g. the audit trail), 2 the input or the call was wrong. */
export const EXIT = { ok: 0, failed: 1, badInput: 2 } as const;

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(Buffer.from(chunk as Uint8Array));
  return Buffer.concat(chunks).toString('utf8');
}

export const processIo: CliIo = {
  readInput: (pathOrDash) => (pathOrDash === '-' ? readStdin() : readFile(pathOrDash, 'utf8')),
  stdout: (text) => {
    process.stdout.write(text);
  },
  stderr: (text) => {
    process.stderr.write(text);
  },
};

export type JsonInput = { ok: true; value: unknown } | { ok: false; message: string };

/** Reads FILE (or standard input for "-") and parses it as JSON; failures become a message. */
export async function readJsonInput(io: CliIo, pathOrDash: string | undefined): Promise<JsonInput> {
  if (pathOrDash === undefined) return { ok: false, message: 'missing FILE (or - for standard input)' };
  let text: string;
  try {
    text = await io.readInput(pathOrDash);
  } catch (error) {
    return { ok: false, message: `cannot read ${pathOrDash}: ${describe(error)}` };
  }
  try {
    return { ok: true, value: JSON.parse(text.replace(/^\uFEFF/, '')) };
  } catch (error) {
    return { ok: false, message: `${pathOrDash} is not valid JSON: ${describe(error)}` };
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
