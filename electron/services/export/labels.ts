import { columnLabel } from '../../../shared/import';
import type { Labels } from '../../../shared/model/catalogue';
import type { ExportColumn } from '../../../shared/model/export';
import type { Language } from '../../../shared/model/languages';

// The columns an order file does not have are named here; the others as the import names them
// (a fact by the catalogue's label).
const OWN_LABELS: Partial<Record<ExportColumn, Labels>> = {
  ref: { en: 'Case', zh: '工单编号' },
  status: { en: 'Status', zh: '状态' },
  createdAt: { en: 'Opened at', zh: '创建时间' },
  outcome: { en: 'Outcome', zh: '结论' },
  overridden: { en: 'Overridden', zh: '已改判' },
  refundAmount: { en: 'Cash refund', zh: '现金退款' },
  refundCurrency: { en: 'Refund currency', zh: '退款币种' },
  clauses: { en: 'Clauses', zh: '依据条款' },
  policyVersion: { en: 'Policy version', zh: '规则版本' },
  agent: { en: 'Decided by', zh: '决定人' },
  decidedAt: { en: 'Decided at', zh: '决定时间' },
  windowClosesAt: { en: 'Refund window closes', zh: '退款期限截止' },
  approval: { en: 'Approval', zh: '审批' },
  rulesOutcome: { en: 'Outcome by the rules', zh: '规则结论' },
  rulesRefundAmount: { en: 'Cash refund by the rules', zh: '规则现金退款' },
  stale: { en: 'Stale', zh: '已过时' },
};

/** An export column's header in a language. */
export const exportLabel = (column: ExportColumn, language: Language): string =>
  OWN_LABELS[column]?.[language] ?? columnLabel(column, language);
