/** Splits `--flag`, `--key value` and positionals; the commands say which flags they take. */
export interface ParsedArgs {
  positionals: string[];
  flags: Map<string, string | true>;
}

export function parseArgs(args: readonly string[], valueFlags: readonly string[]): ParsedArgs {
  const positionals: string[] = [];
  const flags = new Map<string, string | true>();
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg.startsWith('--') && arg.length > 2) {
      const [name, inline] = arg.slice(2).split(/=(.*)/s, 2) as [string, string | undefined];
      if (inline !== undefined) flags.set(name, inline);
      else if (valueFlags.includes(name)) {
        const value = args[++i];
        if (value === undefined) throw new UsageError(`--${name} needs a value`);
        flags.set(name, value);
      } else flags.set(name, true);
    } else positionals.push(arg);
  }
  return { positionals, flags };
}

export class UsageError extends Error {}

export function stringFlag(parsed: ParsedArgs, name: string): string | undefined {
  const value = parsed.flags.get(name);
  if (value === true) throw new UsageError(`--${name} needs a value`);
  return value;
}

export function languageFlag(parsed: ParsedArgs): 'en' | 'zh' {
  const lang = stringFlag(parsed, 'lang') ?? 'en';
  if (lang !== 'en' && lang !== 'zh') throw new UsageError('--lang must be en or zh');
  return lang;
}
