import '@testing-library/jest-dom/vitest';
import '@testing-library/svelte/vitest';

// jsdom has no layout: a height binding (the virtualized lists) needs a ResizeObserver,
// which here never fires.
globalThis.ResizeObserver ??= class {
  observe() {}
  unobserve() {}
  disconnect() {}
};
