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
  let value: unknown;
  try {
    value = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new BadInputError(`${pathOrDash} is not valid JSON: ${messageOf(error)}`);
  }
  const lone = loneSurrogate(value, '');
  if (lone !== null) {
    const unit = `\\u${lone.unit.toString(16)}`;
    throw new BadInputError(
      `${pathOrDash}: ${lone.path} holds half of a UTF-16 surrogate pair (${unit}), which is not text`,
    );
  }
  return value;
}

// In a u-mode pattern a surrogate range matches only a surrogate without its other half.
const LONE_SURROGATE = /[\uD800-\uDFFF]/u;

/**
 * The first string (or key) of a JSON value holding half of a surrogate pair, which JSON may
 * escape ("\ud800") but no UTF-8 text can hold: the store would keep it as invalid UTF-8.
 */
function loneSurrogate(value: unknown, path: string): { path: string; unit: number } | null {
  if (typeof value === 'string') {
    const found = LONE_SURROGATE.exec(value);
    return found === null ? null : { path: path || '(the value)', unit: found[0].charCodeAt(0) };
  }
  if (typeof value !== 'object' || value === null) return null;
  for (const [key, inner] of Object.entries(value)) {
    const at = Array.isArray(value) ? `${path}[${key}]` : path === '' ? key : `${path}.${key}`;
    const found = loneSurrogate(key, at) ?? loneSurrogate(inner, at);
    if (found !== null) return found;
  }
  return null;
}

export const json = (value: unknown): string => `${JSON.stringify(value, null, 2)}\n`;
