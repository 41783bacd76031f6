import { formatInPolicyZone } from '../time';
import { MAX_COVERED_RESOLUTION } from './conversion';
import { RELAY_DEFAULT_PROFILE_FROM } from './relay';
import { callMinutesForPeople } from './units';
import type { DayPart, PackageBalance, PackageDraw, RelayLine, UsageBreakdown, UsageLine } from './types';

export const LANGS = ['en', 'zh'] as const;
export type Lang = (typeof LANGS)[number];

interface Wording {
  usageTitle: string;
  packagesTitle: string;
  relayTitle: string;
  none: string;
  converted(packageMinutes: number, factor: number): string;
  draws(draws: readonly PackageDraw[]): string;
  /** What the bill charges beside the packages: call minutes at the call's own tier. */
  uncovered(line: UsageLine): string;
  notCovered(callMinutes: number): string;
  settled(day: string): string;
  days(parts: readonly DayPart[]): string;
  balance(balance: PackageBalance): string;
  relayProfile(profile: string | null): string;
  relayMinutes(minutes: number): string;
  relayDefaulted: string;
  relayUnprofiled: string;
  separator: string;
  colon: string;
}

const defaultRuleStart = formatInPolicyZone(RELAY_DEFAULT_PROFILE_FROM);

const english: Wording = {
  usageTitle: 'Calls, in the order they started',
  packagesTitle: 'Packages',
  relayTitle: 'Relay transcoding, minutes per day and task profile',
  none: '  (none)',
  converted: (packageMinutes, factor) => `${packageMinutes} package minutes at factor ${factor}`,
  draws: (draws) => `taken from ${draws.map((draw) => `${draw.package} (${draw.minutes})`).join(', ')}`,
  uncovered: (line) =>
    `${callMinutesForPeople(line.uncoveredCallMinutes)} call minutes are billed pay-as-you-go at this call's rate (${line.uncoveredPackageMinutes} package minutes had no valid package left)`,
  notCovered: (callMinutes) =>
    `video above ${MAX_COVERED_RESOLUTION}p is not covered by packages; the whole call, ${callMinutes} call minutes, is billed pay-as-you-go`,
  settled: (day) => `settled on ${day}`,
  days: (parts) =>
    `split by day: ${parts.map((part) => `${part.day} ${part.minutes} min (settled ${part.settlementDay})`).join(', ')}`,
  balance: (balance) => `${balance.used} used, ${balance.remaining} left`,
  relayProfile: (profile) => profile ?? 'no profile',
  relayMinutes: (minutes) => `${minutes} minutes`,
  relayDefaulted: 'the task set no profile, so the highest profile is billed',
  relayUnprofiled: `the task set no profile before ${defaultRuleStart}; check which profile was billed`,
  separator: '; ',
  colon: ': ',
};

const chinese: Wording = {
  usageTitle: '通话用量（按开始时间排序）',
  packagesTitle: '套餐',
  relayTitle: '旁路转推混流转码（按天和任务规格汇总的分钟数）',
  none: '  （无）',
  converted: (packageMinutes, factor) => `按系数 ${factor} 折合 ${packageMinutes} 套餐分钟`,
  draws: (draws) => `扣自 ${draws.map((draw) => `${draw.package}（${draw.minutes}）`).join('、')}`,
  uncovered: (line) =>
    `其中 ${callMinutesForPeople(line.uncoveredCallMinutes)} 通话分钟按本通话的档位按量计费（${line.uncoveredPackageMinutes} 套餐分钟已无有效套餐可扣）`,
  notCovered: (callMinutes) =>
    `${MAX_COVERED_RESOLUTION}P 以上的视频不在套餐抵扣范围内，整通通话 ${callMinutes} 分钟按量计费`,
  settled: (day) => `结算日 ${day}`,
  days: (parts) =>
    `按天拆分：${parts.map((part) => `${part.day} ${part.minutes} 分钟（${part.settlementDay} 结算）`).join('、')}`,
  balance: (balance) => `已用 ${balance.used}，剩余 ${balance.remaining}`,
  relayProfile: (profile) => profile ?? '未设置规格',
  relayMinutes: (minutes) => `${minutes} 分钟`,
  relayDefaulted: '任务未设置规格，按最高规格计费',
  relayUnprofiled: `任务在 ${defaultRuleStart} 之前未设置规格，请核实实际计费的规格`,
  separator: '；',
  colon: '：',
};

const WORDING: Record<Lang, Wording> = { en: english, zh: chinese };

function usageSentence(line: UsageLine, words: Wording): string {
  const parts: string[] = [];
  if (line.factor === null) {
    parts.push(words.notCovered(line.uncoveredCallMinutes));
  } else {
    parts.push(words.converted(line.packageMinutes, line.factor));
    if (line.draws.length > 0) parts.push(words.draws(line.draws));
    if (line.uncoveredPackageMinutes > 0) parts.push(words.uncovered(line));
  }
  parts.push(words.settled(line.settlementDay));
  // A call past midnight (v1.1) is counted, and settled, on each day it ran.
  if (line.days.length > 1) parts.push(words.days(line.days));
  return `  ${line.id}${words.colon}${parts.join(words.separator)}`;
}

function relaySentence(line: RelayLine, words: Wording): string {
  const head = `  ${line.day} ${words.relayProfile(line.profile)}${words.colon}`;
  const minutes = words.relayMinutes(line.minutes);
  if (line.defaulted) return `${head}${minutes}${words.separator}${words.relayDefaulted}`;
  if (line.profile === null) return `${head}${minutes}${words.separator}${words.relayUnprofiled}`;
  return `${head}${minutes}`;
}

function section(title: string, lines: readonly string[], words: Wording): string[] {
  return [title, ...(lines.length > 0 ? lines : [words.none])];
}

/** The breakdown as plain text for people, in English or Simplified Chinese. */
export function renderUsageText(breakdown: UsageBreakdown, lang: Lang): string {
  const words = WORDING[lang];
  return [
    ...section(
      words.usageTitle,
      breakdown.usage.map((line) => usageSentence(line, words)),
      words,
    ),
    '',
    ...section(
      words.packagesTitle,
      breakdown.packages.map((balance) => `  ${balance.id}${words.colon}${words.balance(balance)}`),
      words,
    ),
    '',
    ...section(
      words.relayTitle,
      breakdown.relay.map((line) => relaySentence(line, words)),
      words,
    ),
  ]
    .join('\n')
    .concat('\n');
}
