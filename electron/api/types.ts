import type { MethodName, ParsedRequestOf, ResponseOf } from '../../shared/ipc/contract';

/** What a domain file supplies per method: the payload already parsed by the contract. */
export type Implementations<Ms extends MethodName> = {
  [M in Ms]: (request: ParsedRequestOf<M>) => ResponseOf<M> | Promise<ResponseOf<M>>;
};
