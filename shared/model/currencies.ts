/**
 * The active ISO 4217 currency codes (list one, funds codes left out), as of 2026. A static
 * list because the runtime's Intl data also knows withdrawn codes (HRK, SLL, ZWL, ANG, CUC),
 * and a refund must never be booked in a currency that no longer exists.
 */
import { PROBLEMS } from './plausibility';

export const ACTIVE_CURRENCIES: ReadonlySet<string> = new Set(
  `
    AED AFN ALL AMD AOA ARS AUD AWG AZN BAM BBD BDT BGN BHD BIF BMD BND BOB BRL BSD BTN BWP BYN
    BZD CAD CDF CHF CLP CNY COP CRC CUP CVE CZK DJF DKK DOP DZD EGP ERN ETB EUR FJD FKP GBP GEL
    GHS GIP GMD GNF GTQ GYD HKD HNL HTG HUF IDR ILS INR IQD IRR ISK JMD JOD JPY KES KGS KHR KMF
    KPW KRW KWD KYD KZT LAK LBP LKR LRD LSL LYD MAD MDL MGA MKD MMK MNT MOP MRU MUR MVR MWK MXN
    MYR MZN NAD NGN NIO NOK NPR NZD OMR PAB PEN PGK PHP PKR PLN PYG QAR RON RSD RUB RWF SAR SBD
    SCR SDG SEK SGD SHP SLE SOS SRD SSP STN SVC SYP SZL THB TJS TMT TND TOP TRY TTD TWD TZS UAH
    UGX USD UYU UZS VED VES VND VUV WST XAF XCD XCG XDR XOF XPF XSU YER ZAR ZMW ZWG
  `
    .trim()
    .split(/\s+/),
);

/** Names people write for a currency instead of its code, with the code they mean. */
export const CURRENCY_ALIASES: Readonly<Record<string, string>> = {
  RMB: 'CNY',
  NTD: 'TWD',
  RUR: 'RUB',
};

/** Why the text is not an active currency code, or null when it is one. */
export function currencyProblem(code: string): string | null {
  if (ACTIVE_CURRENCIES.has(code)) return null;
  const meant = Object.hasOwn(CURRENCY_ALIASES, code) ? CURRENCY_ALIASES[code] : undefined;
  if (meant !== undefined) return `is not an ISO 4217 code; use ${meant}`;
  return PROBLEMS.currency;
}
