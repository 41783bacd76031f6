import type { CaseDetail } from '../../model/case';
import type { Decision } from '../../model/decision';
import type { Language } from '../../model/languages';
import { renderTemplate } from '../../model/reply-templates';
import { DEFAULT_TEMPLATES } from './defaults';
import { replyValues } from './variables';

export { draftCorrection } from './correction';
export { CUSTOMER_REASONS, MISSING_REQUESTS } from './customer-words';
export { DEFAULT_TEMPLATES } from './defaults';
export { replyValues } from './variables';

/**
 * The reply draft for a case: the template for the decision's outcome and the language (the
 * team's, else the console's own) with the decision's values put in.
 */
export function draftReply(input: {
  detail: CaseDetail;
  decision: Decision;
  language: Language;
  agent: string;
  template?: string | undefined;
}): string {
  const template = input.template ?? DEFAULT_TEMPLATES[input.decision.outcome][input.language];
  return renderTemplate(template, replyValues(input.detail, input.decision, input.language, input.agent));
}
