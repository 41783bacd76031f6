import type { TFunction } from 'i18next';
import { optionLabel, type FactInput } from '../../shared/model/catalogue';
import type { Language } from '../../shared/model/languages';

/** The values a choice or yes/no fact offers, each with its label; null for typed input. */
export function answerChoices(
  input: FactInput,
  t: TFunction,
  language: Language,
): readonly (readonly [string, string])[] | null {
  if (input.kind === 'choice')
    return input.options.map((option) => [option, optionLabel(input, option, language)]);
  if (input.kind === 'yesno') {
    return [
      ['yes', t('common.yes')],
      ['no', t('common.no')],
    ];
  }
  return null;
}
