// The only door to the Go side. Every call returns plain data or throws an AppError.
// The secret of a key never comes through here: CopyKey puts it on the clipboard in Go.
import * as App from '../../wailsjs/go/main/App';
import { toAppError } from './errors';
import type { Environment, KeyView, Settings, SetupInput, StateView } from './types';

async function call<T>(run: () => Promise<unknown>): Promise<T> {
  try {
    return (await run()) as T;
  } catch (e) {
    throw toAppError(e);
  }
}

export function getState(): Promise<StateView> {
  return call(() => App.GetState());
}

export function setUp(input: SetupInput): Promise<StateView> {
  return call(() => App.SetUp(input));
}

export function listKeys(env: Environment): Promise<KeyView[]> {
  return call(async () => (await App.ListKeys(env)) ?? []);
}

export function generateKey(env: Environment): Promise<KeyView> {
  return call(() => App.GenerateKey(env));
}

export function saveKeySettings(id: string, settings: Settings): Promise<KeyView> {
  return call(() => App.SaveKeySettings(id, settings));
}

export function copyKey(id: string): Promise<void> {
  return call(() => App.CopyKey(id));
}

export function deleteKey(id: string): Promise<void> {
  return call(() => App.DeleteKey(id));
}
