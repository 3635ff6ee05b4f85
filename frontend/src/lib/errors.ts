// One shape for every failure the UI can show. Go rejects a call with
// {code, message, hint, fields?}; Wails itself sometimes rejects with a plain string; a
// broken bridge throws an Error. toAppError turns each of them into an AppError, so a
// component only ever deals with this class.
import { goErrorCodes } from './error-codes';

/**
 * Every code an AppError can carry: those Go sends, plus 'error' (Wails rejected with a plain
 * message, or Go sent a code this build does not know) and 'internal' (the bridge itself
 * threw). A comparison with any other string fails the type check.
 */
export type ErrorCode = (typeof goErrorCodes)[number] | 'error' | 'internal';

const knownCodes: ReadonlySet<string> = new Set(goErrorCodes);

function codeOf(v: unknown): ErrorCode {
  const code = text(v);
  return knownCodes.has(code) ? (code as ErrorCode) : 'error';
}

/** Messages per field, keyed by the field's JSON name (as Go sends them). */
export type FieldErrors = Record<string, string>;

const fallbackHint = 'Try again. If it keeps happening, restart proofkeys.';

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly hint: string;
  readonly fields: FieldErrors;

  constructor(code: ErrorCode, message: string, hint = '', fields: FieldErrors = {}) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.hint = hint;
    this.fields = fields;
  }

  /** True when the error names at least one field of a form. */
  get hasFields(): boolean {
    return Object.keys(this.fields).length > 0;
  }
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null;
}

function text(v: unknown): string {
  return typeof v === 'string' ? v.trim() : '';
}

function fieldsOf(v: unknown): FieldErrors {
  const out: FieldErrors = {};
  if (!isRecord(v)) return out;
  for (const [key, msg] of Object.entries(v)) {
    if (typeof msg === 'string' && msg !== '') out[key] = msg;
  }
  return out;
}

/** Turns anything a rejected call can carry into an AppError. */
export function toAppError(e: unknown): AppError {
  if (e instanceof AppError) return e;
  if (typeof e === 'string') {
    const s = e.trim();
    if (s.startsWith('{')) {
      try {
        return toAppError(JSON.parse(s));
      } catch {
        // not JSON after all: a plain message
      }
    }
    return new AppError('error', s || 'Something went wrong.', fallbackHint);
  }
  if (e instanceof Error) {
    return new AppError('internal', e.message || 'Something went wrong.', fallbackHint);
  }
  if (isRecord(e)) {
    const message = text(e.message) || text(e.error) || 'Something went wrong.';
    return new AppError(codeOf(e.code), message, text(e.hint) || fallbackHint, fieldsOf(e.fields));
  }
  return new AppError('error', 'Something went wrong.', fallbackHint);
}
