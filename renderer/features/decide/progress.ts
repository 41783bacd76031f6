import type { ProductType } from '../../../shared/model/facts';

export interface Progress {
  ref: string;
  kind: ProductType | undefined;
  left: number;
}

/**
 * When an answer about the product kind makes the list of questions longer, the counter says
 * so instead of jumping: the count it grew from and the kind that asks more.
 */
export function growthOf(
  before: Progress | null,
  after: Progress,
): { from: number; kind: ProductType } | null {
  if (before === null || before.ref !== after.ref || after.kind === undefined) return null;
  if (before.kind === after.kind || after.left <= before.left) return null;
  return { from: before.left, kind: after.kind };
}
