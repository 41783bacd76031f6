/**
 * One Chinese word for each of the console's own terms: an agent who reads 判定 on one screen
 * and 决定 on the next wonders whether they are two things. glossary.test.ts holds the Chinese
 * catalogue to the chosen words.
 */
export const ZH_GLOSSARY = [
  { term: 'case', zh: '工单', not: ['案件', '案例', '个案'] },
  { term: 'decision, to decide', zh: '判定', not: ['决定', '裁定', '判决'] },
  { term: 'case ref', zh: '工单号', not: ['案件编号', '工单编号'] },
  { term: 'refund window', zh: '退款期限', not: ['退款窗口', '退款时限'] },
] as const;
