import { render, screen } from '@testing-library/svelte';
import { expect, it, vi } from 'vitest';
import App from './App.svelte';
import * as api from './lib/api';
import { keysPage, makeState } from './test/fixtures';

vi.mock('./lib/api', () => import('./test/api-mock'));
// The Audit page's code cannot be read, as when a file of the app is damaged.
vi.mock('./pages/Audit.svelte', () => {
  throw new Error('Failed to fetch dynamically imported module: wails://wails/assets/Audit-x.js');
});

it('says in plain words when a page cannot be loaded, and offers to try again', async () => {
  history.replaceState(null, '', '#/settings/audit');
  vi.mocked(api.getState).mockResolvedValue(makeState());
  vi.mocked(api.keyPage).mockImplementation(keysPage([]));
  render(App);
  expect(await screen.findByRole('heading', { level: 1, name: 'This page could not open' })).toBeInTheDocument();
  const alert = screen.getByRole('alert');
  expect(alert).toHaveTextContent('Part of proofkeys could not be read.');
  expect(alert).toHaveTextContent('Select Try again.');
  expect(alert).not.toHaveTextContent(/wails:|dynamically imported/);
  expect(screen.getByRole('button', { name: 'Try again' })).toBeInTheDocument();
});
