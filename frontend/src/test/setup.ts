import '@testing-library/jest-dom/vitest';
import '@testing-library/svelte/vitest';

// jsdom has no layout: the virtualized lists measure their region with a ResizeObserver,
// which here never fires (ui/VirtualTable.test.ts fires one by hand).
globalThis.ResizeObserver ??= class {
  observe() {}
  unobserve() {}
  disconnect() {}
};
