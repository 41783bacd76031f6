import { describe, expect, it } from 'vitest';
import { decide } from '../policy/decide';
import { FACT_QUESTIONS } from '../policy/questions';
import { DAY_MS } from '../policy/time';
import {
  FACT_IDS,
  FACT_KEYS,
  FACTS,
  FORM_FACTS_OF_EVERY_KIND,
  KIND_UNKNOWN,
  KINDS,
  type Asker,
  type FactEntry,
  type FactEntryOf,
  type KindEntry,
  type Labels,
} from './catalogue';
import {
  BILLING_METHODS,
  EXCLUSION_KEYS,
  ExclusionsSchema,
  FactsSchema,
  PRODUCT_TYPES,
  SERVICE_STATUSES,
  type Facts,
  type ProductType,
} from './facts';
import { LANGUAGES, type Language } from './languages';

const INPUT_KINDS = ['choice', 'yesno', 'money', 'instant', 'minutes', 'text'];

/** The catalogue as plain data, so a test can hand the checker one with a piece missing. */
interface Catalogue {
  kinds: readonly string[];
  kindEntries: Readonly<Record<string, KindEntry | undefined>>;
  /** Every fact the schema knows, named as the catalogue names them. */
  schemaFacts: readonly string[];
  facts: Readonly<Record<string, FactEntry | undefined>>;
  factIds: readonly string[];
  questions: Readonly<Record<string, Record<Language, { question: string; hint: string }> | undefined>>;
}

const SCHEMA_FACTS = [
  ...Object.keys(FactsSchema.shape).filter((key) => key !== 'exclusions'),
  ...Object.keys(ExclusionsSchema.shape).map((key) => `exclusions.${key}`),
];

const REAL: Catalogue = {
  kinds: PRODUCT_TYPES,
  kindEntries: KINDS,
  schemaFacts: SCHEMA_FACTS,
  facts: FACTS,
  factIds: FACT_IDS,
  questions: FACT_QUESTIONS,
};

function labelGaps(where: string, labels: Labels | undefined): string[] {
  return LANGUAGES.filter((language) => !labels?.[language]?.trim()).map((l) => `${where}: no ${l} label`);
}

/** Everything a kind or fact lacks anywhere, in words; empty when the catalogue is whole. */
function catalogueGaps(catalogue: Catalogue): string[] {
  const gaps: string[] = [];
  const askers = new Set<string>([KIND_UNKNOWN, ...catalogue.kinds]);
  for (const kind of catalogue.kinds) {
    const entry = catalogue.kindEntries[kind];
    if (entry === undefined) {
      gaps.push(`kind ${kind}: no catalogue entry`);
      continue;
    }
    gaps.push(...labelGaps(`kind ${kind}`, entry.label));
    if (typeof entry.refusalsGoToProvider !== 'boolean') gaps.push(`kind ${kind}: no referral flag`);
    for (const fact of entry.formFacts) {
      if (catalogue.facts[fact] === undefined) gaps.push(`kind ${kind}: form fact ${fact} is not catalogued`);
    }
  }
  for (const key of new Set([...catalogue.schemaFacts, ...Object.keys(catalogue.facts)])) {
    const entry = catalogue.facts[key];
    if (entry === undefined) {
      gaps.push(`fact ${key}: no catalogue entry`);
      continue;
    }
    if (!catalogue.schemaFacts.includes(key)) gaps.push(`fact ${key}: not in the schema`);
    gaps.push(...labelGaps(`fact ${key}`, entry.label));
    if (!INPUT_KINDS.includes(entry.input?.kind)) gaps.push(`fact ${key}: no input kind`);
    if (entry.input?.kind === 'choice') {
      const { options, labels } = entry.input;
      if (options.length === 0) gaps.push(`fact ${key}: a choice without options`);
      for (const option of new Set([...options, ...Object.keys(labels)])) {
        if (!options.includes(option)) gaps.push(`fact ${key}: ${option} is labelled but not an option`);
        gaps.push(...labelGaps(`fact ${key} option ${option}`, labels[option]));
      }
    }
    const asked = catalogue.factIds.includes(key);
    if (asked && !entry.askedFor?.length) gaps.push(`fact ${key}: asked, but by no kind`);
    if (!asked && entry.askedFor !== undefined) gaps.push(`fact ${key}: askedFor, but not in FACT_IDS`);
    for (const asker of entry.askedFor ?? []) {
      if (!askers.has(asker)) gaps.push(`fact ${key}: asked for ${asker}, which is no kind`);
    }
  }
  for (const id of catalogue.factIds) {
    for (const language of LANGUAGES) {
      const text = catalogue.questions[id]?.[language];
      if (!text?.question.trim()) gaps.push(`fact ${id}: no ${language} question`);
      if (!text?.hint.trim()) gaps.push(`fact ${id}: no ${language} hint`);
    }
  }
  return gaps;
}

describe('the catalogue', () => {
  it('describes every kind and every fact, in both languages, with every question and option', () => {
    expect(catalogueGaps(REAL)).toEqual([]);
  });

  it('names the form facts of every kind once, after the ones every kind shares', () => {
    for (const kind of PRODUCT_TYPES) {
      const shared = KINDS[kind].formFacts.filter((fact) =>
        (FORM_FACTS_OF_EVERY_KIND as readonly string[]).includes(fact),
      );
      expect(shared, kind).toEqual([]);
      expect(new Set(KINDS[kind].formFacts).size, kind).toBe(KINDS[kind].formFacts.length);
    }
  });

  it('offers exactly the values the schema accepts for every choice', () => {
    for (const key of FACT_KEYS) {
      const { input } = FACTS[key];
      if (input.kind !== 'choice') continue;
      for (const option of input.options) {
        expect(
          FactsSchema.safeParse(key === 'productType' ? { productType: option } : { [key]: option }).success,
        ).toBe(true);
      }
    }
    expect(FACTS.productType.input.options).toEqual(PRODUCT_TYPES);
    expect(FACTS.billingMethod.input.options).toEqual(BILLING_METHODS);
    expect(FACTS.serviceStatus.input.options).toEqual(SERVICE_STATUSES);
  });

  it('says exactly which kinds the rules ask each fact for', () => {
    const asked = new Set<string>();
    for (const facts of sampleFacts()) {
      const asker: Asker = facts.productType ?? KIND_UNKNOWN;
      for (const fact of decide(facts, { now: REQUESTED }).missing) asked.add(`${fact} for ${asker}`);
    }
    const claimed = FACT_IDS.flatMap((id) => FACTS[id].askedFor.map((asker) => `${id} for ${asker}`));
    expect([...asked].sort()).toEqual(claimed.sort());
  });
});

describe('a kind or fact with a piece missing', () => {
  it('is found by the checker, so the catalogue test fails', () => {
    const hardware = { ...REAL, kinds: [...PRODUCT_TYPES, 'hardware'] };
    expect(catalogueGaps(hardware)).toEqual(['kind hardware: no catalogue entry']);

    const noChinese = {
      ...REAL,
      kindEntries: { ...KINDS, api: { ...KINDS.api, label: { en: 'API', zh: ' ' } } },
    };
    expect(catalogueGaps(noChinese)).toEqual(['kind api: no zh label']);

    const { consumedMinutes: _dropped, ...withoutMinutes } = FACTS;
    expect(catalogueGaps({ ...REAL, facts: withoutMinutes })).toEqual([
      'kind rtc_package: form fact consumedMinutes is not catalogued',
      'fact consumedMinutes: no catalogue entry',
    ]);

    const { completed: _gone, ...oneStatus } = FACTS.serviceStatus.input.labels;
    const serviceStatus = {
      ...FACTS.serviceStatus,
      input: { ...FACTS.serviceStatus.input, labels: oneStatus },
    };
    expect(catalogueGaps({ ...REAL, facts: { ...FACTS, serviceStatus } })).toEqual([
      'fact serviceStatus option completed: no en label',
      'fact serviceStatus option completed: no zh label',
    ]);

    const { consumedMinutes: _unasked, ...questions } = FACT_QUESTIONS;
    expect(catalogueGaps({ ...REAL, questions })).toEqual([
      'fact consumedMinutes: no en question',
      'fact consumedMinutes: no en hint',
      'fact consumedMinutes: no zh question',
      'fact consumedMinutes: no zh hint',
    ]);

    const newField = { ...REAL, schemaFacts: [...SCHEMA_FACTS, 'hardwareSerial'] };
    expect(catalogueGaps(newField)).toEqual(['fact hardwareSerial: no catalogue entry']);
  });

  it('does not compile either (tsc -p . checks every @ts-expect-error below)', () => {
    const label = { en: 'x', zh: 'x' };
    // A new kind in PRODUCT_TYPES widens ProductType; KINDS (and RULES_BY_KIND) then lack it.
    // @ts-expect-error a kind without a catalogue entry
    const kinds: Record<ProductType | 'hardware', KindEntry> = KINDS;
    // @ts-expect-error an input whose value does not fit the schema field
    const money: FactEntryOf<'orderAmount'> = { label, input: { kind: 'yesno' }, askedFor: ['saas'] };
    const billingMethod: FactEntryOf<'billingMethod'> = {
      label,
      // @ts-expect-error a choice without a label for each of its values
      input: { kind: 'choice', options: BILLING_METHODS, labels: { subscription: label } },
      askedFor: ['image'],
    };
    // @ts-expect-error a fact the rules ask, without the kinds that ask it
    const imageInUse: FactEntryOf<'imageInUse'> = { label, input: { kind: 'yesno' } };
    const expiresAt: FactEntryOf<'expiresAt'> = {
      label,
      input: { kind: 'instant' },
      // @ts-expect-error a fact the rules never ask, claimed to be asked
      askedFor: ['rtc_package'],
    };
    const broken = { ...REAL, kinds: [...PRODUCT_TYPES, 'hardware'], kindEntries: kinds };
    const facts = {
      ...FACTS,
      orderAmount: money,
      billingMethod,
      imageInUse,
      expiresAt,
    };
    expect(catalogueGaps({ ...broken, facts })).toEqual([
      'kind hardware: no catalogue entry',
      'fact billingMethod option pay_as_you_go: no en label',
      'fact billingMethod option pay_as_you_go: no zh label',
      'fact imageInUse: asked, but by no kind',
      'fact expiresAt: askedFor, but not in FACT_IDS',
    ]);
  });
});

const REQUESTED = Date.parse('2026-06-01T12:00:00+08:00');

/** Facts of every kind (and none) with each fact unknown or one of the values that matter to the rules. */
function* sampleFacts(): Generator<Facts> {
  let seed = 8;
  // mulberry32: a fixed seed, so the sample (and the test) is the same on every run.
  const random = () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), seed | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const pick = <T>(options: readonly T[]): T => options[Math.floor(random() * options.length)]!;
  const daysAway = (days: number) => new Date(REQUESTED + days * DAY_MS).toISOString();
  for (const productType of [undefined, ...PRODUCT_TYPES]) {
    for (let i = 0; i < 3000; i++) {
      yield {
        productType,
        requestedAt: daysAway(0),
        paidAt: pick([undefined, daysAway(-1), daysAway(-6), daysAway(-8), daysAway(-120)]),
        orderAmount: pick([undefined, 10_000]),
        billingMethod: pick([undefined, ...BILLING_METHODS]),
        imageInUse: pick([undefined, true, false]),
        serviceStatus: pick([undefined, ...SERVICE_STATUSES]),
        guaranteeEndsAt: pick([undefined, daysAway(-1), daysAway(30)]),
        exclusions: Object.fromEntries(EXCLUSION_KEYS.map((key) => [key, pick([undefined, true, false])])),
        consumedMinutes: pick([undefined, 0, 5]),
        // Expired half a day ago: after every sampled payment (v1.1 refuses a package that
        // expires at or before its payment as invalid input).
        expiresAt: pick([undefined, daysAway(-0.5), daysAway(30)]),
      };
    }
  }
}
