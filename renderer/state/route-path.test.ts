import { describe, expect, it } from 'vitest';
import { parentOf, parseRoute, routePath, type Route } from './route-path';

const ROUTES: Route[] = [
  { name: 'queue' },
  { name: 'new' },
  { name: 'settings' },
  { name: 'policy-changes' },
  { name: 'dashboard' },
  { name: 'case', ref: 'RC-000001' },
  { name: 'decide', ref: 'RC-000001' },
  { name: 'reply', ref: 'RC-123456789' },
];

describe('routes', () => {
  it('read back every route they write', () => {
    for (const route of ROUTES) expect(parseRoute(routePath(route))).toEqual(route);
  });

  it('write the hash forms the console links to', () => {
    expect(ROUTES.map(routePath)).toEqual([
      '#/queue',
      '#/new',
      '#/settings',
      '#/policy-changes',
      '#/dashboard',
      '#/case/RC-000001',
      '#/case/RC-000001/decide',
      '#/case/RC-123456789/reply',
    ]);
  });

  it('take the hash with or without its slash, and anything unknown as the queue', () => {
    expect(parseRoute('#new')).toEqual({ name: 'new' });
    expect(parseRoute('')).toEqual({ name: 'queue' });
    expect(parseRoute('#token=abc')).toEqual({ name: 'queue' });
    expect(parseRoute('#/case')).toEqual({ name: 'queue' });
    expect(parseRoute('#/case/RC-000001/delete')).toEqual({ name: 'case', ref: 'RC-000001' });
  });

  it('escape a ref on the way out and unescape it on the way in', () => {
    const odd: Route = { name: 'case', ref: 'RC 1/2#3' };
    expect(routePath(odd)).toBe('#/case/RC%201%2F2%233');
    expect(parseRoute(routePath(odd))).toEqual(odd);
  });

  it('treat a broken escape in a pasted hash as no route instead of throwing', () => {
    expect(parseRoute('#/case/%E4/decide')).toEqual({ name: 'queue' });
  });

  it('go back from decide and reply to the case, from anywhere else to the queue', () => {
    expect(ROUTES.map(parentOf)).toEqual([
      { name: 'queue' },
      { name: 'queue' },
      { name: 'queue' },
      { name: 'queue' },
      { name: 'queue' },
      { name: 'queue' },
      { name: 'case', ref: 'RC-000001' },
      { name: 'case', ref: 'RC-123456789' },
    ]);
  });
});
