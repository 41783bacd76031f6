import { z } from 'zod';
import { OUTCOMES } from './decision';
import { LANGUAGES } from './languages';

/**
 * Reply templates: the team's wording per outcome and language, with variables bound to the
 * decision. `{{name}}` is a variable's text; `{{#name}}…{{/name}}` is kept only when the
 * variable has text (a voucher line when there was a voucher, a deadline when there is one).
 */
export const REPLY_VARIABLES = [
  'customer',
  'caseRef',
  'order',
  'product',
  'amount',
  'currency',
  'voucher',
  'deadline',
  'missing',
  'reasons',
  'actions',
  'agent',
] as const;
export type ReplyVariable = (typeof REPLY_VARIABLES)[number];
export type ReplyValues = Readonly<Record<ReplyVariable, string>>;

const TAG = /\{\{\s*([#/]?)([^{}]*?)\s*\}\}/g;
const KNOWN = new Set<string>(REPLY_VARIABLES);

/** What is wrong with a template's markup (an unknown variable, a section left open), or null. */
export function templateProblem(body: string): string | null {
  const open: string[] = [];
  for (const [, mark, name] of body.matchAll(TAG)) {
    if (!KNOWN.has(name!))
      return `{{${mark}${name}}} is not a variable; use one of ${REPLY_VARIABLES.join(', ')}`;
    if (mark === '#') open.push(name!);
    else if (mark === '/' && open.pop() !== name) return `{{/${name}}} closes a section that is not open`;
  }
  return open.length === 0 ? null : `{{#${open.at(-1)}}} is never closed with {{/${open.at(-1)}}}`;
}

/**
 * The text of a template with the values put in; sections without a value are left out. The
 * console's own texts (a correction) may give values beyond a team template's variables.
 */
export function renderTemplate(body: string, values: ReplyValues & Readonly<Record<string, string>>): string {
  const sections = /\{\{\s*#(\w+)\s*\}\}([\s\S]*?)\{\{\s*\/\1\s*\}\}/g;
  let text = body;
  for (let previous = ''; previous !== text;) {
    previous = text;
    text = text.replace(sections, (_, name: string, inner: string) => (values[name] ? inner : ''));
  }
  text = text.replace(TAG, (_, __, name: string) => values[name] ?? '');
  // A left-out section may leave blank lines behind; one blank line between parts is enough.
  return `${text
    .replace(/[ \t]+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim()}\n`;
}

export const ReplyTemplateBodySchema = z
  .string()
  .trim()
  .min(1, { error: 'must not be empty' })
  .max(20_000)
  .superRefine((body, ctx) => {
    const problem = templateProblem(body);
    if (problem !== null) ctx.addIssue({ code: 'custom', message: problem });
  });

export const ReplyTemplateSchema = z.object({
  outcome: z.enum(OUTCOMES),
  language: z.enum(LANGUAGES),
  body: z.string(),
  /** False while the console's own wording stands. */
  edited: z.boolean(),
  updatedAt: z.string().nullable(),
  updatedBy: z.string().nullable(),
});
export type ReplyTemplate = z.infer<typeof ReplyTemplateSchema>;
