import path from 'node:path';

/**
 * When the app looks for updates and when it may apply one. The offline default is no
 * update server at all: nothing is ever fetched unless an administrator names a server in
 * an update config file. An update is applied only when no write to the store is under way.
 */

export const UPDATE_CONFIG_FILE = 'update-config.json';

/**
 * Where an administrator puts the update config, the machine-wide place first (set by IT
 * for every user), then the user's own data folder.
 */
export function updateConfigPlaces(
  platform: NodeJS.Platform,
  env: NodeJS.ProcessEnv,
  userData: string,
): string[] {
  const machineWide =
    platform === 'win32'
      ? path.win32.join(env.ProgramData ?? 'C:\\ProgramData', 'Refund Console', UPDATE_CONFIG_FILE)
      : platform === 'darwin'
        ? path.posix.join('/Library/Application Support/Refund Console', UPDATE_CONFIG_FILE)
        : path.posix.join('/etc/refund-console', UPDATE_CONFIG_FILE);
  return [machineWide, path.join(userData, UPDATE_CONFIG_FILE)];
}

export type UpdateFeed =
  | { kind: 'off'; reason: string }
  /** electron-updater's generic provider: a folder served over HTTPS holding latest*.yml. */
  | { kind: 'generic'; url: string };

/** The feed from the first config file that exists (its text, or null when absent). */
export function updateFeed(configs: { file: string; text: string | null }[]): UpdateFeed {
  const found = configs.find((config) => config.text !== null);
  if (found === undefined) return { kind: 'off', reason: 'no update config file: updates are off' };
  let parsed: unknown;
  try {
    parsed = JSON.parse(found.text!);
  } catch {
    return { kind: 'off', reason: `${found.file} is not JSON: updates are off` };
  }
  const url = (parsed as { url?: unknown } | null)?.url;
  if (url === undefined || url === null || url === '') {
    return { kind: 'off', reason: `${found.file} names no url: updates are off` };
  }
  if (typeof url !== 'string') return { kind: 'off', reason: `${found.file}: url must be a string` };
  let parsedUrl: URL;
  try {
    parsedUrl = new URL(url);
  } catch {
    return { kind: 'off', reason: `${found.file}: ${url} is not a URL` };
  }
  // An update is code the app will run: it comes over TLS or not at all.
  if (parsedUrl.protocol !== 'https:') {
    return {
      kind: 'off',
      reason: `${found.file}: the update server must be https, not ${parsedUrl.protocol}`,
    };
  }
  return { kind: 'generic', url: parsedUrl.toString() };
}

/**
 * Counts the store writes under way (API calls, backups), so an update waits for them: a
 * restart in the middle of one would cut it off.
 */
export class WriteTracker {
  private running = 0;
  private waiting: (() => void)[] = [];

  get inProgress(): boolean {
    return this.running > 0;
  }

  async track<T>(work: () => Promise<T> | T): Promise<T> {
    this.running += 1;
    try {
      return await work();
    } finally {
      this.running -= 1;
      if (this.running === 0) for (const resolve of this.waiting.splice(0)) resolve();
    }
  }

  /** Resolves when no write is under way (at once if none is). */
  idle(): Promise<void> {
    return this.running === 0 ? Promise.resolve() : new Promise((resolve) => this.waiting.push(resolve));
  }
}

export type UpdateStep = 'install-now' | 'wait-for-writes' | 'nothing-to-install';

/** Whether a downloaded update may be applied at this moment. */
export function updateStep(state: { downloaded: boolean; writesInProgress: boolean }): UpdateStep {
  if (!state.downloaded) return 'nothing-to-install';
  return state.writesInProgress ? 'wait-for-writes' : 'install-now';
}
