// Stands in for src/lib/api.ts in component tests: vi.mock('../lib/api', () => import('../test/api-mock')).
import { vi } from 'vitest';
import type * as api from '../lib/api';

export const getState = vi.fn<typeof api.getState>();
export const setUp = vi.fn<typeof api.setUp>();
export const listKeys = vi.fn<typeof api.listKeys>();
export const generateKey = vi.fn<typeof api.generateKey>();
export const saveKeySettings = vi.fn<typeof api.saveKeySettings>();
export const copyKey = vi.fn<typeof api.copyKey>();
export const deleteKey = vi.fn<typeof api.deleteKey>();
