// The integrity room's face: all that leaves the room, for the other rooms and the store's own
// face (../index.ts). README.md says what the room owns and what it may import.
export { type StoreVerification, verifyAuditWithBackups } from './audit-backups';
export { createBackup, isBackupDue, listBackups, newestGoodBackup, removePartialBackups } from './backup';
export { noteDamage } from './damage';
export { finishRestore, restoreBackup, restoreTempOf } from './restore';
