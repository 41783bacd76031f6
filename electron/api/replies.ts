import { OUTCOMES } from '../../shared/model/decision';
import { LANGUAGES } from '../../shared/model/languages';
import type { ReplyTemplate } from '../../shared/model/reply-templates';
import { decisionOfCase } from '../../shared/policy/recorded';
import { DEFAULT_TEMPLATES } from '../../shared/policy/replies';
import { toldBy } from '../../shared/policy/told';
import {
  type CaseStore,
  getCase,
  listReplyTemplates,
  markReplySent,
  saveReplyTemplate,
  type StoredTemplate,
} from '../store';
import type { Implementations } from './types';

function templateView(
  outcome: ReplyTemplate['outcome'],
  language: ReplyTemplate['language'],
  stored: StoredTemplate | null | undefined,
): ReplyTemplate {
  return stored
    ? {
        outcome,
        language,
        body: stored.body,
        edited: true,
        updatedAt: stored.updatedAt,
        updatedBy: stored.updatedBy,
      }
    : {
        outcome,
        language,
        body: DEFAULT_TEMPLATES[outcome][language],
        edited: false,
        updatedAt: null,
        updatedBy: null,
      };
}

export const replyHandlers = (
  store: CaseStore,
): Implementations<'replies.markSent' | 'replyTemplates.list' | 'replyTemplates.save'> => ({
  // What the reply told is the case's decision as the store judges it now, not the client's word.
  'replies.markSent': ({ ref, revision, language, body, agent }) => {
    const told = toldBy(decisionOfCase(getCase(store, ref), store.now()));
    return markReplySent(store, { ref, revision, language, told, body, agent });
  },
  'replyTemplates.list': () => {
    const stored = listReplyTemplates(store);
    const find = (outcome: string, language: string) =>
      stored.find((template) => template.outcome === outcome && template.language === language);
    return {
      items: OUTCOMES.flatMap((outcome) =>
        LANGUAGES.map((language) => templateView(outcome, language, find(outcome, language))),
      ),
    };
  },
  'replyTemplates.save': ({ outcome, language, body, agent }) =>
    templateView(outcome, language, saveReplyTemplate(store, { outcome, language, body, agent })),
});
