import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { BadInputError, messageOf } from '../errors';

/** Refuses before any work is done when a file would be replaced without --force. */
export function requireWritable(paths: readonly string[], force: boolean): void {
  if (force) return;
  const taken = paths.filter((path) => existsSync(path));
  if (taken.length === 0) return;
  const more = taken.length > 1 ? ` and ${taken.length - 1} more` : '';
  throw new BadInputError(`${taken[0]}${more} already exists; --force replaces it`);
}

/** Writes the file; without --force an existing one is never touched, even if it appeared meanwhile. */
export async function writeOutput(path: string, data: string | Uint8Array, force: boolean): Promise<void> {
  try {
    await writeFile(path, data, { flag: force ? 'w' : 'wx' });
  } catch (error) {
    if ((error as { code?: string }).code === 'EEXIST')
      throw new BadInputError(`${path} already exists; --force replaces it`);
    throw new BadInputError(`cannot write ${path}: ${messageOf(error)}`);
  }
}

export async function makeDirectory(path: string): Promise<void> {
  try {
    await mkdir(path, { recursive: true });
  } catch (error) {
    throw new BadInputError(`cannot create the folder ${path}: ${messageOf(error)}`);
  }
}
