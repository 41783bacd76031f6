import { describe, expect, it } from 'vitest';
import { RULE_BOOK } from '../versions';
import { explainUsage as explainUnder } from './explain';
import { renderUsageText } from './text';
import { CONTRACT_EXAMPLE, validUsageInput } from './testing';

const YEAR_2026 = { purchasedAt: '2026-01-01T00:00:00+08:00', expiresAt: '2027-01-01T00:00:00+08:00' };

function pkg(id: string, minutes: number, validity: { purchasedAt: string; expiresAt: string } = YEAR_2026) {
  return { id, minutes, ...validity };
}

function audio(id: string, minutes: number, startedAt = '2026-03-01T10:00:00+08:00') {
  return { id, startedAt, minutes, type: 'audio' };
}

function video(id: string, minutes: number, resolution: number, startedAt = '2026-03-01T10:00:00+08:00') {
  return { id, startedAt, minutes, type: 'video', resolution };
}

// The first reading's answers: a record judged by its start alone. split.test.ts holds v1.1's.
const explainUsage = (input: Parameters<typeof explainUnder>[0]) =>
  explainUnder(input, RULE_BOOK.revision('v1'));

function explain(packages: unknown[], usage: unknown[]) {
  return explainUsage(validUsageInput({ packages, usage }));
}

describe('explainUsage: the issue example', () => {
  it('draws a 720p call one-for-one and settles it the next day', () => {
    expect(explainUsage(validUsageInput(CONTRACT_EXAMPLE.input))).toEqual(CONTRACT_EXAMPLE.breakdown);
  });
});

describe('explainUsage: conversion factors', () => {
  it.each([
    ['audio', 0.25, 7.5, audio('U', 30)],
    ['video 360p', 0.5, 15, video('U', 30, 360)],
    ['video 361p', 1, 30, video('U', 30, 361)],
    ['video 720p', 1, 30, video('U', 30, 720)],
    ['video 721p', 3.75, 112.5, video('U', 30, 721)],
    ['video 1080p', 3.75, 112.5, video('U', 30, 1080)],
  ])('%s: 30 call minutes × %d = %d package minutes', (_name, factor, drawn, record) => {
    const [line] = explain([pkg('P1', 1000)], [record]).usage;
    expect(line).toMatchObject({ factor, packageMinutes: drawn, draws: [{ package: 'P1', minutes: drawn }] });
  });

  it('bills video above 1080p pay-as-you-go without touching any package', () => {
    const breakdown = explain([pkg('P1', 1000)], [video('U', 30, 1081)]);
    expect(breakdown.usage[0]).toMatchObject({
      factor: null,
      packageMinutes: 0,
      draws: [],
      uncoveredPackageMinutes: 0,
      uncoveredCallMinutes: 30,
      payAsYouGo: true,
    });
    expect(breakdown.packages).toEqual([{ id: 'P1', used: 0, remaining: 1000 }]);
  });

  it('keeps quarter minutes exact: one audio minute is 0.25, a 1.01-minute 1080p call 3.7875', () => {
    const breakdown = explain([pkg('P1', 10)], [audio('U1', 1), video('U2', 1.01, 1080)]);
    expect(breakdown.usage.map((line) => line.packageMinutes)).toEqual([0.25, 3.7875]);
    expect(breakdown.packages).toEqual([{ id: 'P1', used: 4.0375, remaining: 5.9625 }]);
  });

  it('empties a package exactly where adding 0.1 three times in floating point would not', () => {
    const usage = ['U1', 'U2', 'U3'].map((id) => video(id, 0.1, 720));
    const breakdown = explain([pkg('P1', 0.3)], usage);
    expect(breakdown.packages).toEqual([{ id: 'P1', used: 0.3, remaining: 0 }]);
    expect(breakdown.usage.every((line) => !line.payAsYouGo)).toBe(true);
  });
});

describe('explainUsage: stacking order', () => {
  const expiresSoon = {
    purchasedAt: '2026-02-01T00:00:00+08:00',
    expiresAt: '2026-04-01T00:00:00+08:00',
  };

  it('draws from the package that expires first, whatever the order packages are listed in', () => {
    const breakdown = explain([pkg('LATE', 100), pkg('SOON', 10, expiresSoon)], [video('U1', 4, 720)]);
    expect(breakdown.usage[0]?.draws).toEqual([{ package: 'SOON', minutes: 4 }]);
  });

  it('spills into the next package, then leaves the rest uncovered and pay-as-you-go', () => {
    const breakdown = explain(
      [pkg('LATE', 5), pkg('SOON', 10, expiresSoon)],
      [video('U1', 6, 720), video('U2', 12, 720, '2026-03-01T11:00:00+08:00')],
    );
    expect(breakdown.usage).toMatchObject([
      { id: 'U1', draws: [{ package: 'SOON', minutes: 6 }], uncoveredPackageMinutes: 0, payAsYouGo: false },
      {
        id: 'U2',
        draws: [
          { package: 'SOON', minutes: 4 },
          { package: 'LATE', minutes: 5 },
        ],
        uncoveredPackageMinutes: 3,
        uncoveredCallMinutes: 3,
        payAsYouGo: true,
      },
    ]);
    expect(breakdown.packages).toEqual([
      { id: 'LATE', used: 5, remaining: 0 },
      { id: 'SOON', used: 10, remaining: 0 },
    ]);
  });

  it('breaks an expiry tie by the earlier purchase, then by id', () => {
    const bought = (purchasedAt: string) => ({ purchasedAt, expiresAt: YEAR_2026.expiresAt });
    const breakdown = explain(
      [
        pkg('B', 1, bought('2026-01-01T00:00:00+08:00')),
        pkg('A', 1, bought('2026-01-01T00:00:00+08:00')),
        pkg('EARLIER', 1, bought('2025-12-01T00:00:00+08:00')),
      ],
      [video('U1', 3, 720)],
    );
    expect(breakdown.usage[0]?.draws.map((draw) => draw.package)).toEqual(['EARLIER', 'A', 'B']);
  });
});

describe('explainUsage: validity period', () => {
  const validity = { purchasedAt: '2026-03-01T10:00:00+08:00', expiresAt: '2026-03-02T10:00:00+08:00' };

  it.each([
    ['at the purchase instant', true, '2026-03-01T10:00:00+08:00'],
    ['one millisecond before the purchase', false, '2026-03-01T09:59:59.999+08:00'],
    ['one millisecond before expiry', true, '2026-03-02T09:59:59.999+08:00'],
    ['at the expiry instant', false, '2026-03-02T10:00:00+08:00'],
    ['at the expiry instant, written in UTC', false, '2026-03-02T02:00:00Z'],
  ])('a call started %s is served by the package: %s', (_when, served, startedAt) => {
    const [line] = explain([pkg('P1', 100, validity)], [video('U1', 1, 720, startedAt)]).usage;
    expect(line?.draws.length).toBe(served ? 1 : 0);
    expect(line?.payAsYouGo).toBe(!served);
  });

  it('judges a call by its start, even if it runs on past the expiry', () => {
    const [line] = explain(
      [pkg('P1', 100, validity)],
      [video('U1', 60, 720, '2026-03-02T09:59:00+08:00')],
    ).usage;
    expect(line?.draws).toEqual([{ package: 'P1', minutes: 60 }]);
  });
});

describe('explainUsage: order and edge cases', () => {
  it('serves calls in start order across offsets, keeping input order for equal starts', () => {
    const breakdown = explain(
      [pkg('P1', 1)],
      [
        video('LATER', 1, 720, '2026-03-01T12:00:00+08:00'),
        video('TIE-1', 1, 720, '2026-03-01T03:00:00Z'),
        video('TIE-2', 1, 720, '2026-03-01T11:00:00+08:00'),
        video('FIRST', 1, 720, '2026-03-01T02:59:00Z'),
      ],
    );
    expect(breakdown.usage.map((line) => line.id)).toEqual(['FIRST', 'TIE-1', 'TIE-2', 'LATER']);
    expect(breakdown.usage.map((line) => line.payAsYouGo)).toEqual([false, true, true, true]);
  });

  it('asks nothing of the packages for a zero-minute call and does not bill it', () => {
    const [line] = explain([], [audio('U1', 0)]).usage;
    expect(line).toMatchObject({
      packageMinutes: 0,
      draws: [],
      uncoveredPackageMinutes: 0,
      payAsYouGo: false,
    });
  });

  it('bills everything pay-as-you-go when there are no packages', () => {
    const [line] = explain([], [audio('U1', 10)]).usage;
    expect(line).toMatchObject({
      packageMinutes: 2.5,
      draws: [],
      uncoveredPackageMinutes: 2.5,
      uncoveredCallMinutes: 10,
      payAsYouGo: true,
    });
  });

  // The bill charges pay-as-you-go in call minutes at the call's rate, not in package minutes.
  it('says a 10-minute 1080p call after its package expired is 10 call minutes pay-as-you-go', () => {
    const expired = { purchasedAt: '2026-01-01T00:00:00+08:00', expiresAt: '2026-02-01T00:00:00+08:00' };
    const [line] = explain([pkg('OLD', 1000, expired)], [video('U1', 10, 1080)]).usage;
    expect(line).toMatchObject({ uncoveredPackageMinutes: 37.5, uncoveredCallMinutes: 10, payAsYouGo: true });
    const text = renderUsageText(explain([pkg('OLD', 1000, expired)], [video('U1', 10, 1080)]), 'en');
    expect(text).toContain('10 call minutes are billed pay-as-you-go at this call');
    expect(text).toContain('(37.5 package minutes had no valid package left)');
  });

  it('counts as call minutes only what no package covered, a part-covered 0.2 s as uncovered', () => {
    // 1 package minute covers 1 / 3.75 call minute (16 s) of a 1080p call; 2 minutes are left.
    const [line] = explain([pkg('P1', 1)], [video('U1', 2, 1080)]).usage;
    expect(line).toMatchObject({ uncoveredPackageMinutes: 6.5, uncoveredCallMinutes: 520 / 300 });
    // 0.01 package minute covers 0.8 / 300 of a call minute: the part-covered unit is uncovered.
    const [part] = explain([pkg('P2', 0.01)], [video('U2', 1, 1080)]).usage;
    expect(part!.uncoveredCallMinutes).toBe(1);
  });

  it('reports packages in input order, unused ones included', () => {
    const breakdown = explain([pkg('Z', 1), pkg('A', 2)], []);
    expect(breakdown.packages).toEqual([
      { id: 'Z', used: 0, remaining: 1 },
      { id: 'A', used: 0, remaining: 2 },
    ]);
  });
});
