import { randomUUID } from 'node:crypto';
import { rmSync } from 'node:fs';
import { appendFile, mkdir, mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { InvalidInputError, NotFoundError } from '../store';

/** A browser may hand over an order file this large; bigger ones go through the CLI or the desktop app. */
export const MAX_UPLOAD_BYTES = 256 * 1024 * 1024;
/** Uploads kept at once: a screen imports one file at a time, so older ones are removed. */
const KEPT_UPLOADS = 3;

/** Keeps only letters, digits and a few marks, so a sent name can never leave its folder. */
export function safeFileName(name: string): string {
  const base = name.split(/[\\/]/).at(-1) ?? '';
  const cleaned = base.replace(/[^\p{L}\p{N}._ -]/gu, '_').replace(/^\.+/, '');
  return cleaned === '' ? 'orders.csv' : cleaned;
}

/**
 * Order files a browser sent, in a folder of the console's own under the system's temporary
 * folder: one folder per upload keeps the file's own name, which the import's audit row records.
 * Removed when the process exits.
 */
export class Uploads {
  private folder: Promise<string> | null = null;
  private readonly files = new Map<string, string>();

  async append(request: { upload?: string; name: string; data: string }) {
    const bytes = Buffer.from(request.data, 'base64');
    const upload = request.upload ?? (await this.create(request.name));
    const file = this.find(upload);
    const before = (await stat(file)).size;
    if (before + bytes.length > MAX_UPLOAD_BYTES) {
      await rm(path.dirname(file), { recursive: true, force: true });
      throw new InvalidInputError(
        `the file is larger than ${MAX_UPLOAD_BYTES / 1024 / 1024} MB; import it with the desktop app or the CLI`,
      );
    }
    await appendFile(file, bytes);
    return { upload, file, bytes: before + bytes.length };
  }

  private async create(name: string): Promise<string> {
    this.folder ??= mkdtemp(path.join(tmpdir(), 'refund-console-uploads-')).then((folder) => {
      process.once('exit', () => rmSync(folder, { recursive: true, force: true }));
      return folder;
    });
    const id = randomUUID();
    const folder = path.join(await this.folder, id);
    await mkdir(folder);
    const file = path.join(folder, safeFileName(name));
    await appendFile(file, Buffer.alloc(0));
    this.files.set(id, file);
    for (const [old, oldFile] of this.files) {
      if (this.files.size <= KEPT_UPLOADS) break;
      this.files.delete(old);
      await rm(path.dirname(oldFile), { recursive: true, force: true });
    }
    return id;
  }

  private find(id: string): string {
    const file = this.files.get(id);
    if (file === undefined) throw new NotFoundError(`no upload ${id}`);
    return file;
  }
}
