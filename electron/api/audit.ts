import { listAudit } from '../store/audit';
import { verifyAuditWithBackups } from '../store/audit-backups';
import { requireCase } from '../store/cases';
import type { CaseStore } from '../store/store';
import type { Implementations } from './types';

export const auditHandlers = (store: CaseStore): Implementations<'audit.list' | 'audit.verify'> => ({
  'audit.list': ({ ref }) => ({ items: listAudit(store, ref, requireCase(store, ref).id) }),
  'audit.verify': () => verifyAuditWithBackups(store),
});
