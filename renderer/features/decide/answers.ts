import {
  BILLING_METHODS,
  PRODUCT_TYPES,
  SERVICE_STATUSES,
  type FactId,
  type Facts,
} from '../../../shared/model/facts';
import { parseMinorUnits } from '../../../shared/model/money';
import { localInputToIso } from '../../lib/time';

/** How each fact the rules may ask about is answered on screen. */
export type AnswerKind =
  | { type: 'choice'; options: readonly string[]; labelKey: string }
  | { type: 'yesno' }
  | { type: 'money' }
  | { type: 'datetime' }
  | { type: 'minutes' };

export function answerKind(id: FactId): AnswerKind {
  switch (id) {
    case 'productType':
      return { type: 'choice', options: PRODUCT_TYPES, labelKey: 'kind' };
    case 'billingMethod':
      return { type: 'choice', options: BILLING_METHODS, labelKey: 'billing' };
    case 'serviceStatus':
      return { type: 'choice', options: SERVICE_STATUSES, labelKey: 'serviceStatus' };
    case 'orderAmount':
      return { type: 'money' };
    case 'paidAt':
    case 'guaranteeEndsAt':
      return { type: 'datetime' };
    case 'consumedMinutes':
      return { type: 'minutes' };
    default:
      return { type: 'yesno' };
  }
}

/** The typed answer as a fact value, or null when it is not a valid one. Money never goes through a float. */
export function readAnswer(kind: AnswerKind, text: string, currency: string): unknown {
  switch (kind.type) {
    case 'choice':
      return kind.options.includes(text) ? text : null;
    case 'yesno':
      return text === 'yes' ? true : text === 'no' ? false : null;
    case 'money':
      return parseMinorUnits(text, currency);
    case 'datetime':
      return localInputToIso(text);
    case 'minutes': {
      const value = Number(text);
      return text.trim() !== '' && Number.isFinite(value) && value >= 0 ? value : null;
    }
  }
}

export function withFact(facts: Facts, id: FactId, value: unknown): Facts {
  if (id.startsWith('exclusions.')) {
    const key = id.slice('exclusions.'.length);
    return { ...facts, exclusions: { ...facts.exclusions, [key]: value } };
  }
  return { ...facts, [id]: value };
}
