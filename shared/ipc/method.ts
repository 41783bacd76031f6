import { z } from 'zod';

// What every contract file builds its methods from.

/** One API method: its request schema and its response schema. */
export const method = <Req extends z.ZodType, Res extends z.ZodType>(request: Req, response: Res) => ({
  request,
  response,
});

/** The agent a write is made for, as the settings name them. */
export const agentName = z.string().trim().min(1, { error: 'must not be empty' }).max(100);
