import { api, type ApiResult, type MethodName, type ResponseOf } from '../../../shared/ipc/contract';

/** A handler's answer, which must be a success; parsed with the method's response schema too. */
export async function ok<M extends MethodName>(
  method: M,
  result: Promise<ApiResult<unknown>>,
): Promise<ResponseOf<M>> {
  const settled = await result;
  if (!settled.ok) throw new Error(`${method} failed: ${settled.error.code} ${settled.error.message}`);
  return api[method].response.parse(settled.value) as ResponseOf<M>;
}
