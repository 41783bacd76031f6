import { describe, expect, it } from 'vitest';
import { LineBlocks } from './write';

describe('LineBlocks', () => {
  it('hands out the lines as UTF-8 blocks that add up to exactly the lines, whatever their length', () => {
    const lines = Array.from({ length: 5000 }, (_, i) =>
      i % 997 === 0 ? `${'长'.repeat(200)},${i}\r\n` : `${i},订单 ${i},"x ""${i}"""\r\n`,
    );
    lines.push(`${'y'.repeat(300)}\r\n`); // longer than a block on its own
    const blocks = new LineBlocks(256);
    const written: Buffer[] = [];
    for (const line of lines) {
      const full = blocks.add(line);
      if (full !== null) written.push(Buffer.from(full));
    }
    written.push(blocks.take());
    expect(Buffer.concat(written).toString('utf8')).toBe(lines.join(''));
    // Only a block that ends with a line longer than a block is longer than one.
    const overLong = (block: Buffer) => block.length > 256 && block.toString('utf8').length >= 200;
    expect(written.every((block) => block.length <= 256 || overLong(block))).toBe(true);
    expect(blocks.size).toBe(0);
  });
});
