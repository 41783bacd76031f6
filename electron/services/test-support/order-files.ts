import iconv from 'iconv-lite';
import { writeFileSync } from 'node:fs';
import type { NewCase } from '../../../shared/model/case';
import { csvLine } from '../csv';

export const CANONICAL_HEADER = [
  'orderId',
  'customerName',
  'accountId',
  'productName',
  'provider',
  'productType',
  'paidAt',
  'requestedAt',
  'orderAmount',
  'voucherAmount',
  'currency',
  'invoiceIssued',
];

export const CHINESE_HEADER = [
  '订单号',
  '客户名称',
  '账号ID',
  '商品名称',
  '服务商',
  '商品类型',
  '支付时间',
  '申请时间',
  '订单金额',
  '代金券金额',
  '币种',
  '是否开票',
];

const yuan = (fen: number | undefined) => (fen === undefined ? '' : (fen / 100).toFixed(2));
const text = (value: unknown) => (value === undefined || value === null ? '' : String(value));

/** A case as one row under CANONICAL_HEADER (amounts in fen) or CHINESE_HEADER (yuan, 是/否). */
export function orderRow(input: NewCase, dialect: 'canonical' | 'chinese'): string[] {
  const { facts } = input;
  const chinese = dialect === 'chinese';
  return [
    input.orderId,
    input.customer.name,
    input.customer.accountId,
    input.productName,
    input.provider,
    text(facts.productType),
    text(facts.paidAt),
    text(facts.requestedAt),
    chinese ? yuan(facts.orderAmount) : text(facts.orderAmount),
    chinese ? yuan(facts.voucherAmount) : text(facts.voucherAmount),
    text(facts.currency),
    facts.invoiceIssued === undefined
      ? ''
      : chinese
        ? facts.invoiceIssued
          ? '是'
          : '否'
        : String(facts.invoiceIssued),
  ];
}

/** The CSV text of a header and rows, CRLF line ends, quoted where needed. */
export function csvText(header: readonly string[], rows: Iterable<readonly string[]>): string {
  let out = csvLine(header, false);
  for (const row of rows) out += csvLine(row, false);
  return out;
}

/** Writes text in an encoding through iconv-lite, with or without its byte order mark. */
export function writeEncoded(file: string, content: string, encoding: string, bom: boolean): void {
  writeFileSync(file, iconv.encode(content, encoding, { addBOM: bom }));
}
