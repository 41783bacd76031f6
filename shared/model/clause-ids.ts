/**
 * The ids of the policy's clauses and of the customer's actions. They are part of every stored
 * decision, report and export, so they are domain vocabulary and never change; the texts that
 * explain them belong to the rules (shared/policy/clauses.ts) and may be reworded freely.
 */
export const CLAUSE_IDS = [
  'saas.guarantee-window',
  'service.in-progress',
  'service.completed',
  'service.guarantee-window',
  'image.subscription-window',
  'image.in-use',
  'image.pay-as-you-go',
  'delivery.api-or-download',
  'rtc.unsubscribe-window',
  'rtc.consumed',
  'rtc.expired',
  'exclusion.no-service-request',
  'exclusion.info-withheld',
  'exclusion.scope-exceeded',
  'exclusion.feedback-overdue',
  'exclusion.item-lapsed',
  'exclusion.legal-violation',
  'refund.cash-only',
  'refund.return-invoice',
  'refund.contact-provider',
] as const;
export type ClauseId = (typeof CLAUSE_IDS)[number];

export const ACTION_IDS = [
  'backup_data',
  'stop_instance_or_replace_os',
  'return_invoice',
  'contact_provider',
] as const;
export type ActionId = (typeof ACTION_IDS)[number];
