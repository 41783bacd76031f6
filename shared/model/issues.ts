import type { z } from 'zod';

/** One readable line for the first thing wrong with an input: "field.path: what is wrong". */
export function describeFirstIssue(error: z.ZodError, root = 'input'): { field: string; message: string } {
  const issue = error.issues[0];
  if (issue === undefined) return { field: root, message: 'is invalid' };
  const path = issue.path.map((part, index) =>
    typeof part === 'number' ? `[${part}]` : `${index === 0 ? '' : '.'}${String(part)}`,
  );
  if (issue.code === 'unrecognized_keys') {
    const parent = path.join('');
    return { field: `${parent}${parent ? '.' : ''}${issue.keys[0]}`, message: 'is not a known field' };
  }
  return { field: path.length > 0 ? path.join('') : root, message: issue.message };
}
