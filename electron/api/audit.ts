import { listAudit, verifyAuditWithBackups, type CaseStore } from '../store';
import type { Implementations } from './types';

export const auditHandlers = (store: CaseStore): Implementations<'audit.list' | 'audit.verify'> => ({
  'audit.list': ({ ref }) => ({ items: listAudit(store, ref) }),
  'audit.verify': () => verifyAuditWithBackups(store),
});
