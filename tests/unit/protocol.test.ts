/**
 * The background's handlers are checked against the protocol by the compiler. This file is read
 * by `npm run check` (svelte-check type-checks every .ts file of the project): each
 * `@ts-expect-error` below must meet a type error or the check fails, so a protocol that let a
 * wrong handler through would fail the check. At run time the tests only build the objects.
 */
import { describe, it } from 'vitest';
import { handlers } from '@/lib/background/handlers';
import { firstVisitStatus } from '@/lib/first-visit/run';
import type { Handlers } from '@/lib/protocol';

describe('protocol', () => {
  it('accepts the background’s handlers', () => {
    void (handlers satisfies Handlers);
  });

  it('refuses a handler that takes another argument than its message carries', () => {
    void ({
      ...handlers,
      // @ts-expect-error getFirstVisit carries a tab id, a number
      getFirstVisit: (tabId: string) => firstVisitStatus(Number(tabId)),
    } satisfies Handlers);
  });

  it('refuses a handler that answers another type than its message promises', () => {
    void ({
      ...handlers,
      // @ts-expect-error addPortal answers `{ host }`
      addPortal: async (tabId: number) => ({ site: String(tabId) }),
    } satisfies Handlers);
  });

  it('refuses handlers that leave a message unanswered', () => {
    const { undo: _undo, ...rest } = handlers;
    // @ts-expect-error every message needs its handler
    void (rest satisfies Handlers);
  });

  it('refuses a handler for a message the protocol does not have', () => {
    void ({
      ...handlers,
      // @ts-expect-error no such message
      deleteEverything: async () => {},
    } satisfies Handlers);
  });
});
