import type { z } from 'zod';

/** One API method: its request schema and its response schema. */
export const method = <Req extends z.ZodType, Res extends z.ZodType>(request: Req, response: Res) => ({
  request,
  response,
});
