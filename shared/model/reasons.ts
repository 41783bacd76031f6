// How long each reason an agent or a lead writes must be, counted after trimming: the
// contract (shared/ipc) refuses a shorter one and the forms say so before sending. One number
// each, read by both, so a form never sends what the contract refuses.

export const REASON_MIN = {
  /** An override's justification: the trail must say why the rules' answer was set aside. */
  override: 20,
  /** Why an order another case already refunds is refunded again. */
  duplicateRefund: 10,
  /** Reopening a decided or closed case. */
  reopen: 1,
  /** A lead's refusal of a decision waiting for approval. */
  refusal: 1,
} as const;

export type ReasonKind = keyof typeof REASON_MIN;

/** What a form checks before sending; the contract trims and counts the same way (zod's trim, length). */
export const reasonTooShort = (kind: ReasonKind, text: string) => text.trim().length < REASON_MIN[kind];
