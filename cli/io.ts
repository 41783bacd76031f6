import { readFile } from 'node:fs/promises';
import { BadInputError, messageOf } from './errors';

/** What a command may touch of the outside world; tests pass a fake. */
export interface CliIo {
  /** The text of the file at the path, or of standard input for "-". */
  readInput(pathOrDash: string): Promise<string>;
  /** The same, as bytes, for input whose encoding the command reads itself (a mail in GBK). */
  readBytes(pathOrDash: string): Promise<Uint8Array>;
  stdout(text: string): void;
  stderr(text: string): void;
}

async function readStdin(): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(Buffer.from(chunk as Uint8Array));
  return Buffer.concat(chunks);
}

const readBytes = (pathOrDash: string): Promise<Buffer> =>
  pathOrDash === '-' ? readStdin() : readFile(pathOrDash);

export const processIo: CliIo = {
  readInput: async (pathOrDash) => (await readBytes(pathOrDash)).toString('utf8'),
  readBytes,
  stdout: (text) => {
    process.stdout.write(text);
  },
  stderr: (text) => {
    process.stderr.write(text);
  },
};

/** Reads FILE (or standard input for "-") and parses it as JSON; failures are BadInputErrors. */
export async function readJsonInput(io: CliIo, pathOrDash: string): Promise<unknown> {
  let text: string;
  try {
    text = await io.readInput(pathOrDash);
  } catch (error) {
    throw new BadInputError(`cannot read ${pathOrDash}: ${messageOf(error)}`);
  }
  try {
    return JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new BadInputError(`${pathOrDash} is not valid JSON: ${messageOf(error)}`);
  }
}

export const json = (value: unknown): string => `${JSON.stringify(value, null, 2)}\n`;
