// `gmp plan set FILE key=value …`: the words of the command line as a settings patch.
import { GmpError } from '../domain/errors.ts';
import { parseFieldInput } from '../domain/plan-fields.ts';

export function parseAssignments(words: readonly string[]): Record<string, unknown> {
  const patch: Record<string, unknown> = {};
  for (const w of words) {
    const m = /^([A-Za-z_][A-Za-z0-9_]*)\s*[=＝]([\s\S]*)$/.exec(w);
    if (!m) throw new GmpError('cli.usage', { detail: `gmp plan set FILE key=value … (${w})` });
    patch[m[1]] = parseFieldInput(m[1], m[2]);
  }
  if (Object.keys(patch).length === 0) throw new GmpError('cli.usage', { detail: 'gmp plan set FILE key=value …' });
  return patch;
}
