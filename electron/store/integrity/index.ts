// The integrity room's face (audit data, state hashes, backups, restore, verify): what leaves the room goes through here.
export { noteDamage } from './damage';
export { verifyAuditWithBackups, type StoreVerification } from './audit-backups';
export { createBackup, listBackups } from './backup';
export { restoreBackup } from './restore';
