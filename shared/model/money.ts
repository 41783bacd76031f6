/** Money is an integer count of the currency's minor units (fen, cents) plus its ISO 4217 code. */
export interface Money {
  amount: number;
  currency: string;
}

const digitsCache = new Map<string, number>();

/** How many minor-unit digits the currency has (2 for CNY and USD, 0 for JPY). */
export function minorDigits(currency: string): number {
  let digits = digitsCache.get(currency);
  if (digits === undefined) {
    digits =
      new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ??
      2;
    digitsCache.set(currency, digits);
  }
  return digits;
}

/** "199.00" from 19900: by string, so no float ever touches the amount. */
export function formatMinorUnits(amount: number, currency: string): string {
  const digits = minorDigits(currency);
  const sign = amount < 0 ? '-' : '';
  const text = String(Math.abs(amount)).padStart(digits + 1, '0');
  const whole = text.slice(0, text.length - digits).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return digits === 0 ? `${sign}${whole}` : `${sign}${whole}.${text.slice(text.length - digits)}`;
}

export function formatMoney({ amount, currency }: Money): string {
  return `${currency} ${formatMinorUnits(amount, currency)}`;
}

/** Parses "199", "199.5" or "1,299.00" typed by an agent into minor units; null if it is not money. */
export function parseMinorUnits(text: string, currency: string): number | null {
  const digits = minorDigits(currency);
  const match = /^\s*(\d{1,3}(?:,\d{3})*|\d+)(?:\.(\d*))?\s*$/.exec(text);
  if (match === null) return null;
  const fraction = match[2] ?? '';
  if (fraction.length > digits) return null;
  const value = Number(match[1]!.replaceAll(',', '') + fraction.padEnd(digits, '0'));
  return Number.isSafeInteger(value) ? value : null;
}
