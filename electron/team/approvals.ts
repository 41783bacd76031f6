import type { ApprovalThresholds } from '../../shared/model/approval';
import { TeamSettingError } from './errors';
import type { TeamServer } from './server';

const CURRENCY = /^[A-Z]{3}$/;

/** The team's approval thresholds, by currency, in minor units. */
export async function readApprovalThresholds(server: TeamServer): Promise<ApprovalThresholds> {
  const { rows } = await server.client.query<{ currency: string; amount: string }>(
    'SELECT currency, amount FROM public.team_approval_thresholds ORDER BY currency',
  );
  return Object.fromEntries(rows.map((row) => [row.currency, Number(row.amount)]));
}

/**
 * Sets the amount above which a refund in `currency` waits for a lead, or with null removes
 * it (then only overrides wait in that currency). Only a team administrator may (the server checks).
 */
export async function setApprovalThreshold(
  server: TeamServer,
  currency: string,
  amount: number | null,
): Promise<ApprovalThresholds> {
  if (!CURRENCY.test(currency)) {
    throw new TeamSettingError(`"${currency}" is no currency code: three capital letters (CNY, USD).`);
  }
  if (amount !== null && (!Number.isSafeInteger(amount) || amount < 0)) {
    throw new TeamSettingError('A threshold is a whole number of minor units (fen, cents), 0 or more.');
  }
  await server.client.query('SELECT public.team_set_threshold($1, $2)', [currency, amount]);
  return readApprovalThresholds(server);
}
