// A failure the user can act on: a code (a key in locales/<lang>/errors.json),
// the values the message names, and where it happened (file, sheet, row, column…).
export interface ErrorLocation {
  file?: string;
  table?: string;
  row?: number;
  column?: string;
  line?: number;
  /** a plan setting (plan.update): its message names the field itself */
  field?: string;
}

export class GmpError extends Error {
  readonly code: string;
  readonly params: Record<string, string | number>;
  readonly location?: ErrorLocation;

  constructor(code: string, params: Record<string, string | number> = {}, location?: ErrorLocation) {
    super(`${code} ${JSON.stringify(params)}`);
    this.name = 'GmpError';
    this.code = code;
    this.params = params;
    this.location = location;
  }
}

export function isGmpError(e: unknown): e is GmpError {
  return e instanceof GmpError;
}
