import { api, call, desktopFiles } from '../../api/client';

const OUTCOME_KEY = 'refund-console.restored';

interface RestoreTexts {
  /** Names the backup and what it replaces; the agent confirms or cancels. */
  question: string;
  /** What was restored and where the replaced file was kept, shown after the reload. */
  done(restored: string, keptAs: string): string;
}

/**
 * Replaces the case store with one of its backups, after the agent confirms; the store keeps
 * the replaced file beside it. The page then starts afresh, so no screen shows data from the
 * file that was replaced, and says there what was restored (takeRestoreOutcome).
 */
export async function restoreFromBackup(file: string, agent: string, texts: RestoreTexts): Promise<void> {
  if (!window.confirm(texts.question)) return;
  const { restored, replacedFileKeptAs } = await call(
    api['backups.restore']({ file, agent: agent.trim() === '' ? 'unknown agent' : agent }),
  );
  sessionStorage.setItem(OUTCOME_KEY, texts.done(restored, replacedFileKeptAs));
  window.location.reload();
}

/** The message of a restore the page reloaded after, once. */
export function takeRestoreOutcome(): string | null {
  const outcome = sessionStorage.getItem(OUTCOME_KEY);
  sessionStorage.removeItem(OUTCOME_KEY);
  return outcome;
}

/** The last part of a path, whichever separator the machine uses. */
export const fileName = (path: string): string => path.split(/[\\/]/).at(-1) ?? path;

/**
 * In the desktop app: a backup chosen in the native open dialog, which starts in the store's
 * backups folder and accepts only files inside it (backups.restore checks again); null when
 * the dialog was closed.
 */
export async function chooseBackupFile(): Promise<string | null> {
  const chosen = await desktopFiles()!.openFile({ purpose: 'restore' });
  if (!chosen.ok) throw new Error(chosen.error.message);
  return chosen.value.file;
}
