// js-yaml, the YAML library electron-builder and electron-updater read and write their update
// files with, typed for the little the packaging scripts use of it.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const yaml = require('js-yaml') as {
  load(text: string): unknown;
  dump(value: unknown, options?: { lineWidth?: number }): string;
};

export const parseYaml = (text: string): unknown => yaml.load(text);
export const writeYaml = (value: unknown): string => yaml.dump(value, { lineWidth: 8000 });
