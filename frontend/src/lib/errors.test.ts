import { describe, expect, it } from 'vitest';
import { AppError, toAppError } from './errors';

describe('toAppError', () => {
  it('keeps what Go sends', () => {
    const e = toAppError({
      code: 'invalid',
      message: 'Some settings need a change.',
      hint: 'Fix the fields marked below.',
      fields: { name: 'Enter a name.', minSigners: '' },
    });
    expect(e).toBeInstanceOf(AppError);
    expect(e.code).toBe('invalid');
    expect(e.message).toBe('Some settings need a change.');
    expect(e.hint).toBe('Fix the fields marked below.');
    expect(e.fields).toEqual({ name: 'Enter a name.' });
    expect(e.hasFields).toBe(true);
  });

  it('turns a code Go never sends into a plain error, keeping its words', () => {
    const e = toAppError({ code: 'store_in_use', message: 'proofkeys is already open.', hint: 'Switch to it.' });
    expect(e.code).toBe('error');
    expect(e.message).toBe('proofkeys is already open.');
    expect(e.hint).toBe('Switch to it.');
  });

  it('turns a plain string from Wails into a message with a hint', () => {
    const e = toAppError('method ui.Keys.Nope not found');
    expect(e.code).toBe('error');
    expect(e.message).toBe('method ui.Keys.Nope not found');
    expect(e.hint).not.toBe('');
    expect(e.fields).toEqual({});
  });

  it('reads an error object sent as a JSON string', () => {
    const e = toAppError('{"code":"vault_locked","message":"The vault is locked.","hint":"Unlock it."}');
    expect(e.code).toBe('vault_locked');
    expect(e.hint).toBe('Unlock it.');
  });

  it('handles thrown Errors and anything else', () => {
    expect(toAppError(new TypeError("Cannot read properties of undefined (reading 'main')")).code).toBe('internal');
    expect(toAppError(undefined).message).toBe('Something went wrong.');
    expect(toAppError({ fields: 'nonsense' }).fields).toEqual({});
  });

  it('returns an AppError as it is', () => {
    const e = new AppError('invalid', 'y');
    expect(toAppError(e)).toBe(e);
  });
});
