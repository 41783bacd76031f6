import { problemCodeOf } from '../../shared/model/plausibility';

/** i18next's t, as code outside components needs it. */
export type Translate = (key: string, options?: Record<string, unknown>) => string;

/** A schema's problem in the agent's language; a text no code names stays as the schema wrote it. */
export function translateProblem(message: string, t: Translate): string {
  const code = problemCodeOf(message);
  return code === undefined ? message : t(`problems.${code}`);
}
