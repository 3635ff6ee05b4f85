import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { defineConfig, type Plugin } from 'vitest/config';

// Go embeds frontend/dist, and the folder must exist (with its .gitkeep) before the first
// build: vite empties dist on every build, so put the file back afterwards.
function keepGitkeep(): Plugin {
  return {
    name: 'keep-gitkeep',
    apply: 'build',
    closeBundle() {
      writeFileSync(resolve(import.meta.dirname, 'dist/.gitkeep'), '');
    },
  };
}

export default defineConfig(({ mode }) => ({
  plugins: [svelte(), keepGitkeep()],
  // Component tests need Svelte's browser build; the app build keeps Vite's defaults.
  resolve: mode === 'test' ? { conditions: ['browser'] } : {},
  // Tests read Go sources the UI must agree with (the audit actions); nothing else may.
  server: mode === 'test' ? { fs: { allow: ['..'] } } : {},
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // No inline scripts or data: modules: the Content-Security-Policy forbids them.
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
  },
  test: {
    environment: 'jsdom',
    include: ['src/**/*.test.ts'],
    setupFiles: ['src/test/setup.ts'],
    mockReset: true,
    // A component test that renders a whole page takes a second on an idle machine and
    // several on a busy 2-core one; the bound is for a hang, not for speed.
    testTimeout: 30_000,
  },
}));
