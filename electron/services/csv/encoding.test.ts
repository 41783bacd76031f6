import fc from 'fast-check';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { chunkDecoder } from './encoding';

describe('chunkDecoder', () => {
  it('decodes UTF-8 cut anywhere as iconv-lite decodes it whole, invalid bytes included', () => {
    const part = fc.oneof(
      fc.stringMatching(/^[ -~\r\n]{0,40}$/).map((text) => Buffer.from(text)),
      fc.constantFrom('长', 'é', '😀', '是').map((text) => Buffer.from(text)),
      // A character cut short: its lead byte, and what the decoder makes of it depends on what follows.
      fc.constantFrom(Buffer.from([0xe9]), Buffer.from([0xe9, 0x95])),
    );
    const cuts = fc.array(fc.nat(), { maxLength: 12 });
    fc.assert(
      fc.property(fc.array(part), cuts, fc.boolean(), (parts, at, bom) => {
        const bytes = Buffer.concat([Buffer.from(bom ? [0xef, 0xbb, 0xbf] : []), ...parts]);
        const ends = [...new Set(at.map((cut) => cut % (bytes.length + 1)))].sort((a, b) => a - b);
        const decoder = chunkDecoder({ name: 'utf8', bom });
        let decoded = '';
        let from = 0;
        for (const end of [...ends, bytes.length]) {
          decoded += decoder.write(bytes.subarray(from, end));
          from = end;
        }
        decoded += decoder.end();
        expect(decoded).toBe(iconv.decode(bytes, 'utf8'));
      }),
      { numRuns: 3_000, seed: 12 },
    );
  });
});
