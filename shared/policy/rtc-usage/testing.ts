import { formatInputError, parseUsageInput, type UsageInput } from './schema';

/** Validated input for tests and examples; a fixture that does not validate is a bug in it. */
export function validUsageInput(json: unknown): UsageInput {
  const parsed = parseUsageInput(json);
  if (!parsed.ok) throw new Error(`fixture is invalid: ${formatInputError(parsed.error)}`);
  return parsed.value;
}

/** The worked example of the explain-usage contract, with the breakdown it must give. */
export const CONTRACT_EXAMPLE = {
  input: {
    packages: [
      {
        id: 'P1',
        minutes: 1000,
        purchasedAt: '2026-01-01T00:00:00+08:00',
        expiresAt: '2027-01-01T00:00:00+08:00',
      },
    ],
    usage: [
      { id: 'U1', startedAt: '2026-03-01T10:00:00+08:00', minutes: 30, type: 'video', resolution: 720 },
    ],
    relay: [{ taskId: 'T1', startedAt: '2026-03-01T10:00:00+08:00', minutes: 12, profile: null }],
  },
  breakdown: {
    usage: [
      {
        id: 'U1',
        factor: 1,
        packageMinutes: 30,
        draws: [{ package: 'P1', minutes: 30 }],
        uncoveredPackageMinutes: 0,
        uncoveredCallMinutes: 0,
        payAsYouGo: false,
        settlementDay: '2026-03-02',
        days: [{ day: '2026-03-01', minutes: 30, packageMinutes: 30, settlementDay: '2026-03-02' }],
      },
    ],
    packages: [{ id: 'P1', used: 30, remaining: 970 }],
    relay: [{ day: '2026-03-01', profile: '16IN_1080P', minutes: 12, defaulted: true }],
    relayTasks: [
      {
        taskId: 'T1',
        startedAt: '2026-03-01T10:00:00+08:00',
        profile: '16IN_1080P',
        defaulted: true,
        minutes: 12,
        days: [{ day: '2026-03-01', minutes: 12, settlementDay: '2026-03-02' }],
      },
    ],
  },
};
