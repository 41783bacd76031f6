import { describe, expect, it } from 'vitest';
import { formatInputError, parseUsageInput } from './schema';

const validPackage = {
  id: 'P1',
  minutes: 1000,
  purchasedAt: '2026-01-01T00:00:00+08:00',
  expiresAt: '2027-01-01T00:00:00+08:00',
};
const validAudio = { id: 'U1', startedAt: '2026-03-01T10:00:00+08:00', minutes: 30, type: 'audio' };
const validVideo = { ...validAudio, id: 'U2', type: 'video', resolution: 720 };
const validRelay = { taskId: 'T1', startedAt: '2026-03-01T10:00:00+08:00', minutes: 12, profile: '4IN_720P' };

function errorOf(json: unknown): string {
  const parsed = parseUsageInput(json);
  if (parsed.ok) throw new Error('expected the input to be refused');
  return formatInputError(parsed.error);
}

function withUsage(...usage: unknown[]) {
  return { packages: [validPackage], usage };
}

describe('parseUsageInput accepts', () => {
  it('the contract example, with relay optional and profile missing or null', () => {
    const parsed = parseUsageInput({
      packages: [validPackage],
      usage: [validAudio, validVideo, { ...validAudio, id: 'U3', resolution: null }],
    });
    expect(parsed.ok && parsed.value.relay).toEqual([]);
    const withRelay = parseUsageInput({
      ...withUsage(),
      relay: [
        validRelay,
        { ...validRelay, taskId: 'T2', profile: null },
        { ...validRelay, taskId: 'T3', profile: undefined },
      ],
    });
    expect(withRelay.ok).toBe(true);
  });

  it('two segments of one relay task that start at different instants', () => {
    const later = { ...validRelay, startedAt: '2026-03-01T11:00:00+08:00' };
    expect(parseUsageInput({ ...withUsage(), relay: [validRelay, later] }).ok).toBe(true);
  });
});

describe('parseUsageInput refuses, naming the field', () => {
  it.each([
    ['a document that is not an object', [], 'input: must be an object'],
    ['a missing list', { packages: [] }, 'usage: is required'],
    ['an unknown top-level field', { ...withUsage(), extra: 1 }, 'extra: is not a known field'],
    [
      'an unknown field in an entry',
      withUsage({ ...validAudio, minute: 3 }),
      'usage[0].minute: is not a known field',
    ],
    ['an entry that is not an object', withUsage(5), 'usage[0]: must be an object'],
  ])('%s', (_what, json, message) => {
    expect(errorOf(json)).toBe(message);
  });

  it.each([
    [-1, 'must be a non-negative number'],
    ['30', 'must be a non-negative number'],
    [0.001, 'must have at most 2 decimal places'],
    [100_000_001, 'must be at most 100000000'],
  ])('usage minutes %o: %s', (minutes, message) => {
    const usage = [validAudio, { ...validVideo, id: 'U3' }, { ...validAudio, id: 'U4', minutes }];
    expect(errorOf(withUsage(...usage))).toBe(`usage[2].minutes: ${message}`);
  });

  it.each([
    [{ ...validAudio, type: 'screen' }, 'usage[0].type: must be "audio" or "video"'],
    [{ id: 'U1', startedAt: validAudio.startedAt, minutes: 1 }, 'usage[0].type: is required'],
    [
      { ...validVideo, resolution: undefined },
      'usage[0].resolution: is required for video calls (frame height in pixels, e.g. 720)',
    ],
    [
      { ...validVideo, resolution: '720p' },
      'usage[0].resolution: must be a frame height in pixels, e.g. 720',
    ],
    [{ ...validVideo, resolution: 720.5 }, 'usage[0].resolution: must be a whole number of pixels'],
    [{ ...validVideo, resolution: 0 }, 'usage[0].resolution: must be a positive number of pixels'],
    [{ ...validAudio, resolution: 720 }, 'usage[0].resolution: must be absent or null for audio calls'],
  ])('call record %o', (record, message) => {
    expect(errorOf(withUsage(record))).toBe(message);
  });

  it.each([
    ['2026-03-01T10:00:00', 'must be an ISO 8601 date-time with a UTC offset'],
    ['2026-03-01', 'must be an ISO 8601 date-time with a UTC offset'],
    ['2026-02-30T10:00:00+08:00', 'is not a real calendar date and time'],
    ['2026-03-01T24:00:00+08:00', 'is not a real calendar date and time'],
  ])('startedAt %s', (startedAt, message) => {
    expect(errorOf(withUsage({ ...validAudio, startedAt }))).toMatch(`usage[0].startedAt: ${message}`);
  });

  it('a package that expires at or before its purchase', () => {
    const json = { packages: [{ ...validPackage, expiresAt: validPackage.purchasedAt }], usage: [] };
    expect(errorOf(json)).toBe('packages[0].expiresAt: must be after purchasedAt');
  });

  it('a repeated id, pointing at the first one', () => {
    const json = { packages: [validPackage, { ...validPackage, id: 'P2' }, validPackage], usage: [] };
    expect(errorOf(json)).toBe('packages[2].id: duplicates packages[0].id');
    expect(errorOf(withUsage(validAudio, validAudio))).toBe('usage[1].id: duplicates usage[0].id');
  });

  it('the same relay segment twice, even written in another offset', () => {
    const again = { ...validRelay, startedAt: '2026-03-01T02:00:00Z' };
    expect(errorOf({ ...withUsage(), relay: [validRelay, again] })).toBe(
      'relay[1].startedAt: repeats relay[0] (same taskId and start instant)',
    );
  });

  it.each([
    ['', 'relay[0].profile: must be a task profile name such as 4IN_720P (letters, digits, _), or null'],
    [720, 'relay[0].profile: must be a task profile name such as 4IN_720P, or null'],
  ])('relay profile %o', (profile, message) => {
    expect(errorOf({ ...withUsage(), relay: [{ ...validRelay, profile }] })).toBe(message);
  });
});
