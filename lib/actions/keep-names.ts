import { storage } from 'wxt/utils/storage';

export interface Settings {
  /** Cookie names clearing never touches, whatever the charter says. */
  keepNames: string[];
}

export const settings = storage.defineItem<Settings>('local:settings', {
  fallback: { keepNames: [] },
  version: 1,
});
