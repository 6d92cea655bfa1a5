// Minimal, strict argument parsing: positional arguments and --flag value pairs.
import { GmpError } from '../domain/errors.ts';
import { unquotePath } from '../domain/typed-path.ts';

export interface ParsedArgs {
  positional: string[];
  flags: Record<string, string | true>;
}

export function parseArgs(argv: string[], booleans: readonly string[] = []): ParsedArgs {
  const positional: string[] = [];
  const flags: Record<string, string | true> = {};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a.startsWith('--')) {
      const [k, v] = a.slice(2).split('=', 2);
      if (v !== undefined) flags[k] = unquotePath(v);
      else if (booleans.includes(k)) flags[k] = true;
      else {
        const next = argv[i + 1];
        if (next === undefined || next.startsWith('--')) throw new GmpError('cli.usage', { detail: `--${k} needs a value` });
        flags[k] = unquotePath(next);
        i++;
      }
    } else positional.push(unquotePath(a)); // a path pasted with Explorer's quotes
  }
  return { positional, flags };
}
