import { FACTS, type Labels } from '../model/catalogue';
import { EXCLUSION_KEYS, type FactKey } from '../model/facts';
import type { Language } from '../model/languages';

/** How a cell's text becomes a value (cells.ts). */
export type CellKind =
  | 'text'
  | 'amount'
  | 'instant'
  | 'boolean'
  | 'minutes'
  | 'currency'
  | 'productType'
  | 'billingMethod'
  | 'serviceStatus';

export interface ColumnSpec {
  /** The canonical header, which is also the name an export writes. */
  id: string;
  /** Where the value goes in a new case. */
  path: readonly string[];
  kind: CellKind;
  /** Other headers meaning this column: the common Chinese ones. */
  aliases: readonly string[];
  /** A case cannot be imported without it (decide --batch needs only facts). */
  requiredForCase?: true;
  /** What the console calls it: a fact's label is the catalogue's. */
  label: Labels;
}

const fact = (id: FactKey, kind: CellKind, aliases: string[] = []): ColumnSpec => ({
  id,
  path: ['facts', ...id.split('.')],
  kind,
  aliases,
  label: FACTS[id].label,
});

/** Every column an order file may carry, in the order an export writes the case's part. */
export const CASE_COLUMNS: readonly ColumnSpec[] = [
  {
    id: 'orderId',
    path: ['orderId'],
    kind: 'text',
    aliases: ['订单号', '订单编号'],
    requiredForCase: true,
    label: { en: 'Order ID', zh: '订单号' },
  },
  {
    id: 'customerName',
    path: ['customer', 'name'],
    kind: 'text',
    aliases: ['客户名称', '客户名'],
    requiredForCase: true,
    label: { en: 'Customer name', zh: '客户名称' },
  },
  {
    id: 'accountId',
    path: ['customer', 'accountId'],
    kind: 'text',
    aliases: ['账号ID', '账号', '账户ID'],
    requiredForCase: true,
    label: { en: 'Account ID', zh: '账号 ID' },
  },
  {
    id: 'contact',
    path: ['customer', 'contact'],
    kind: 'text',
    aliases: ['联系方式'],
    label: { en: 'Contact', zh: '联系方式' },
  },
  {
    id: 'productName',
    path: ['productName'],
    kind: 'text',
    aliases: ['商品名称', '产品名称'],
    requiredForCase: true,
    label: { en: 'Product name', zh: '商品名称' },
  },
  {
    id: 'provider',
    path: ['provider'],
    kind: 'text',
    aliases: ['服务商'],
    requiredForCase: true,
    label: { en: 'Provider', zh: '服务商' },
  },
  {
    id: 'assignee',
    path: ['assignee'],
    kind: 'text',
    aliases: ['处理人'],
    label: { en: 'Assignee', zh: '处理人' },
  },
  fact('productType', 'productType', ['商品类型', '产品类型']),
  fact('paidAt', 'instant', ['支付时间']),
  fact('requestedAt', 'instant', ['申请时间']),
  fact('orderAmount', 'amount', ['订单金额']),
  fact('voucherAmount', 'amount', ['代金券金额']),
  fact('currency', 'currency', ['币种']),
  fact('invoiceIssued', 'boolean', ['是否开票']),
  fact('billingMethod', 'billingMethod', ['计费方式']),
  fact('imageInUse', 'boolean', ['镜像使用中']),
  fact('serviceStatus', 'serviceStatus', ['服务状态']),
  fact('guaranteeEndsAt', 'instant', ['保障期结束时间']),
  ...EXCLUSION_KEYS.map((key) => fact(`exclusions.${key}` as const, 'boolean')),
  fact('consumedMinutes', 'minutes', ['已用分钟数']),
  fact('expiresAt', 'instant', ['到期时间']),
];

export const COLUMN_IDS = CASE_COLUMNS.map((column) => column.id);

const BY_ID = new Map(CASE_COLUMNS.map((column) => [column.id, column]));

/** A column's name in the console's language; an id it does not know, as it is. */
export const columnLabel = (id: string, language: Language): string => BY_ID.get(id)?.label[language] ?? id;
