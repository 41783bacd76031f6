import { describe, expect, it } from 'vitest';
import { FACTS, optionLabel, type ChoiceInput } from '../model/catalogue';
import { FactsSchema, type FactKey } from '../model/facts';
import { LANGUAGES } from '../model/languages';
import { CASE_COLUMNS, columnLabel, detectMapping, parseAmount, parseInstantCell, readRow } from '.';

describe('detectMapping', () => {
  it('reads canonical, Chinese, full-width and prefixed headers, with the amount unit', () => {
    const result = detectMapping([
      'orderId',
      '客户名称',
      '账号ＩＤ',
      'facts.paidAt',
      '订单金额（元）',
      'voucherAmount',
      'x',
    ]);
    expect(result.ok && result.mapping.columns.map(({ column, unit }) => [column?.id ?? null, unit])).toEqual(
      [
        ['orderId', null],
        ['customerName', null],
        ['accountId', null],
        ['paidAt', null],
        ['orderAmount', 'yuan'],
        ['voucherAmount', 'fen'],
        [null, null],
      ],
    );
    expect(result.ok && result.mapping.ignored).toEqual(['x']);
  });

  it('takes the unit from the option when the header does not say, and Chinese headers default to yuan', () => {
    const unitOf = (header: string, amountUnit?: 'yuan' | 'fen') => {
      const result = detectMapping([header], { amountUnit });
      return result.ok ? result.mapping.columns[0]!.unit : null;
    };
    expect(unitOf('orderAmount', 'yuan')).toBe('yuan');
    expect(unitOf('订单金额')).toBe('yuan');
    expect(unitOf('订单金额(分)', 'yuan')).toBe('fen');
    expect(unitOf('orderAmount_yuan')).toBe('yuan');
  });

  it('refuses two headers for one column', () => {
    expect(detectMapping(['orderId', '订单号'])).toEqual({
      ok: false,
      message: 'columns "orderId" and "订单号" both mean orderId',
    });
  });
});

describe('cells', () => {
  it('reads yuan by string, never through a float', () => {
    expect(parseAmount('199.00', 'yuan', 'CNY')).toBe(19900);
    expect(parseAmount('0.29', 'yuan', 'CNY')).toBe(29);
    expect(parseAmount('¥1,299.5', 'yuan', 'CNY')).toBe(129950);
    expect(parseAmount('1500', 'yuan', 'JPY')).toBe(1500);
    expect(() => parseAmount('1500.5', 'yuan', 'JPY')).toThrow(
      'has 1 decimal places; JPY amounts have at most 0',
    );
    expect(() => parseAmount('199.005', 'yuan', 'CNY')).toThrow('has 3 decimal places');
    expect(() => parseAmount('-5', 'fen', 'CNY')).toThrow('is not an amount');
    expect(() => parseAmount('99999999999999999', 'fen', 'CNY')).toThrow('is too large');
  });

  it('asks for an offset on an instant without one', () => {
    expect(parseInstantCell('2026-03-01 10:00+08:00')).toBe('2026-03-01T10:00+08:00');
    expect(() => parseInstantCell('2026-03-01 10:00:00')).toThrow('"2026-03-01 10:00:00" has no UTC offset');
    expect(() => parseInstantCell('2026-02-30T10:00:00Z')).toThrow('is not a real calendar date');
  });

  it('reads a time without an offset in the offset it is told, and says how to tell it', () => {
    expect(parseInstantCell('2026-10-21 07:36:00', '+08:00')).toBe('2026-10-21T07:36:00+08:00');
    expect(parseInstantCell('2026-10-21T07:36:00Z', '+08:00')).toBe('2026-10-21T07:36:00Z');
    expect(() => parseInstantCell('2026-10-21 07:36:00')).toThrow(
      '"2026-10-21 07:36:00" has no UTC offset: write one (e.g. +08:00) or say which offset times without one are in',
    );
    const told = detectMapping(['paidAt'], { assumeOffset: '+08:00' });
    if (!told.ok) throw new Error(told.message);
    expect(readRow(['2026-10-21 07:36'], 2, told.mapping, 'facts')).toEqual({
      ok: true,
      value: { paidAt: '2026-10-21T07:36+08:00' },
    });
    expect(detectMapping(['paidAt'], { assumeOffset: '8' })).toEqual({
      ok: false,
      message: '"8" is not a UTC offset such as +08:00',
    });
  });

  it('gives a cell problem a kind that leaves out the cell, so that problems of one kind group', () => {
    const mapping = detectMapping(['paidAt', 'orderAmount']);
    if (!mapping.ok) throw new Error(mapping.message);
    const kindOf = (cells: string[]) => {
      const read = readRow(cells, 2, mapping.mapping, 'facts');
      return read.ok ? null : read.problem.kind;
    };
    expect(kindOf(['2026-10-21 07:36:00', '1'])).toBe(kindOf(['2026-11-02 23:59', '1']));
    expect(kindOf(['2026-10-21 07:36:00', '1'])).not.toBe(kindOf(['2026-02-30T10:00:00Z', '1']));
    expect(kindOf(['', 'lots'])).toBe(kindOf(['', 'many']));
  });

  it('reads every label the catalogue gives a choice, in both languages, as that choice', () => {
    const columns = ['productType', 'billingMethod', 'serviceStatus'] as const;
    const mapping = detectMapping([...columns]);
    if (!mapping.ok) throw new Error(mapping.message);
    for (const [at, fact] of columns.entries()) {
      const input = FACTS[fact].input as ChoiceInput;
      for (const option of input.options) {
        for (const language of LANGUAGES) {
          const cells = ['', '', ''];
          cells[at] = ` ${optionLabel(input, option, language)} `;
          expect(readRow(cells, 2, mapping.mapping, 'facts')).toEqual({
            ok: true,
            value: { [fact]: option },
          });
        }
      }
    }
  });

  it('names every column in both languages, a fact by the catalogue’s label', () => {
    for (const column of CASE_COLUMNS) {
      for (const language of LANGUAGES) expect(columnLabel(column.id, language)).not.toBe('');
      if (column.path[0] === 'facts') expect(column.label).toBe(FACTS[column.id as FactKey].label);
    }
    expect(columnLabel('productType', 'zh')).toBe('商品类型');
    expect(columnLabel('exclusions.noServiceRequest', 'en')).toBe(
      FACTS['exclusions.noServiceRequest'].label.en,
    );
  });

  it('reads amounts before a currency cell that is not a code, and names the currency cell', () => {
    const mapping = detectMapping(['orderAmount_yuan', 'currency']);
    if (!mapping.ok) throw new Error(mapping.message);
    for (const currency of ['C\u001dNY', '人民币', 'C N']) {
      expect(readRow(['100', currency], 2, mapping.mapping, 'facts')).toMatchObject({
        ok: false,
        problem: { row: 2, column: 'currency', message: expect.stringMatching(/is not an ISO 4217 code/) },
      });
    }
  });

  it('gives facts the schema accepts as they are (decide --batch relies on it)', () => {
    const mapping = detectMapping([
      'productType',
      'paidAt',
      'orderAmount',
      'currency',
      'invoiceIssued',
      'billingMethod',
      'imageInUse',
      'serviceStatus',
      'exclusions.infoWithheld',
      'consumedMinutes',
    ]);
    if (!mapping.ok) throw new Error(mapping.message);
    const read = readRow(
      ['镜像', '2026-03-01T10:00:00Z', '100', 'usd', '是', '按量付费', 'no', '已完成', '0', '12.5'],
      2,
      mapping.mapping,
      'facts',
    );
    expect(read.ok && FactsSchema.strict().parse(read.value)).toEqual(read.ok && read.value);
    expect(read.ok && read.value).toMatchObject({
      productType: 'image',
      currency: 'USD',
      billingMethod: 'pay_as_you_go',
    });
  });
});
