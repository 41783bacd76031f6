import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCase, recordDecision } from '../store';
import { sampleCase, tempStore } from '../store/test-support/temp-store';
import { createHandlers, type Handlers } from './handlers';

let env: ReturnType<typeof tempStore>;
let handlers: Handlers;
let ref: string;
beforeEach(() => {
  env = tempStore();
  handlers = createHandlers(env.store);
  ref = createCase(env.store, sampleCase({ customer: { name: '<img src=x>', accountId: 'a' } }), 'ann').detail
    .summary.ref;
  recordDecision(env.store, { ref, agent: 'ann' });
});
afterEach(() => env.cleanup());

describe('reports through the API', () => {
  it('answers a case report as HTML with the data escaped, in the language asked', async () => {
    const answer = await handlers['reports.case']({ ref, language: 'zh' });
    expect(answer).toMatchObject({ ok: true, value: { fileName: `${ref}.html` } });
    const html = answer.ok ? answer.value.html : '';
    expect(html).toContain(`退款决定 ${ref}`);
    expect(html).toContain('&lt;img src=x&gt;');
    expect(html).not.toContain('<img');
  });

  it('answers a period with its figures and their document', async () => {
    const answer = await handlers['reports.period']({
      from: '2026-03-01T00:00:00+08:00',
      to: '2026-03-03T00:00:00+08:00',
    });
    expect(answer.ok && answer.value.figures.decidedCases).toBe(1);
    expect(answer.ok && answer.value.fileName).toBe('refunds-2026-03-01-2026-03-03.html');
  });

  it('refuses bad payloads and unknown refs with their codes', async () => {
    expect(await handlers['reports.case']({ ref: 'RC-000099' })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
    expect(await handlers['reports.case']({ ref, paper: 'a3' })).toMatchObject({
      ok: false,
      error: { code: 'invalid_request' },
    });
    expect(
      await handlers['reports.period']({ from: '2026-03-03T00:00:00Z', to: '2026-03-01T00:00:00Z' }),
    ).toMatchObject({
      ok: false,
      error: { code: 'invalid_request', message: 'to: the period must end after it starts (from)' },
    });
  });
});
