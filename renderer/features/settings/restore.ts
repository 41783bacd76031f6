import { api, call } from '../../api/client';

/**
 * Replaces the case store with one of its backups, after the agent confirms; the store keeps
 * the replaced file beside it. The page then starts afresh, so no screen shows data from the
 * file that was replaced.
 */
export async function restoreFromBackup(file: string, agent: string, question: string): Promise<void> {
  if (!window.confirm(question)) return;
  await call(api['backups.restore']({ file, agent: agent.trim() === '' ? 'unknown agent' : agent }));
  window.location.reload();
}
