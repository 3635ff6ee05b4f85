// The first screen's questions to Go, asked before the rest of the script runs: main.ts
// imports ask-first.ts ahead of the app, whose modules then take a while to evaluate (the
// first date formatter alone loads the locale's data, about 15 ms). Go answers meanwhile,
// and the app draws its first screen without waiting on a round trip. The state is
// handed over once the first rows have come too, so that the first screen is laid out
// and painted once, with its list, not a frame without the list and then again.
import * as api from './api';
import { askEarly } from './keywindow.svelte';
import { savedOrder } from './keylist';
import { pageOf } from './route';
import type { StateView } from './types';

let state: Promise<StateView> | null = null;

/** Asks Go for the state and, when the app opens on API Keys, the first rows of its list. */
export function askFirst(): void {
  const asked = api.getState();
  asked.catch(() => {}); // App's load says why, and asks again on Try again
  const onApiKeys = !location.hash || pageOf(location.hash) === 'api-keys';
  state = onApiKeys ? askEarly(api.keyPage, 'production', savedOrder()).then(() => asked) : asked;
  state.catch(() => {});
}

/** The state askFirst asked for, once; null afterwards, or when it was never asked. */
export function takeFirstState(): Promise<StateView> | null {
  const s = state;
  state = null;
  return s;
}
