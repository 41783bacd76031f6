#!/usr/bin/env node
// Runs the TypeScript CLI directly through tsx, so `npx refund-console` works right after
// `npm ci` with no build step and can never run stale compiled code.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../cli/refund-console.ts');
process.exitCode = await main(process.argv.slice(2));
