import { auditHead, getCase, listMessages, type CaseStore } from '../store';
import type { CaseReportData } from './case-report';

/** A case's report data, read from the store (NotFoundError for an unknown ref). */
export const caseReportData = (store: CaseStore, ref: string): CaseReportData => ({
  detail: getCase(store, ref),
  auditHead: auditHead(store),
  storeFile: store.file,
  printedAt: store.now(),
  messages: listMessages(store, ref),
});
