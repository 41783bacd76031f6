import { describe, expect, it } from 'vitest';
import { growthOf } from './progress';

describe('the question counter', () => {
  it('explains a longer list when the kind becomes one judged on more facts', () => {
    expect(
      growthOf({ ref: 'RC-1', kind: undefined, left: 3 }, { ref: 'RC-1', kind: 'service', left: 9 }),
    ).toEqual({ from: 3, kind: 'service' });
  });

  it('says nothing when the list shrinks, stays, or another case is shown', () => {
    expect(growthOf(null, { ref: 'RC-1', kind: 'service', left: 9 })).toBeNull();
    expect(
      growthOf({ ref: 'RC-1', kind: 'service', left: 9 }, { ref: 'RC-1', kind: 'service', left: 8 }),
    ).toBeNull();
    expect(
      growthOf({ ref: 'RC-1', kind: undefined, left: 3 }, { ref: 'RC-1', kind: 'saas', left: 2 }),
    ).toBeNull();
    expect(
      growthOf({ ref: 'RC-1', kind: undefined, left: 3 }, { ref: 'RC-2', kind: 'service', left: 9 }),
    ).toBeNull();
  });
});
