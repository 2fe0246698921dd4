/**
 * The background's handlers are checked against the protocol by the compiler. These are type
 * tests: `npm run test:unit` type-checks this file (vitest's typecheck, see vitest.config.ts),
 * and a failed `expectTypeOf`, or a `@ts-expect-error` that meets no error, fails the test. So a
 * protocol that let a wrong handler through, or a handler that drifted from its message, fails
 * the unit tests, as it fails `npm run check`.
 */
import { describe, expectTypeOf, it } from 'vitest';
import { handlers } from '@/lib/background/handlers';
import { firstVisitStatus } from '@/lib/first-visit/run';
import type { Handlers, ProtocolMap } from '@/lib/protocol';

describe('protocol', () => {
  it('accepts the background’s handlers', () => {
    expectTypeOf(handlers).toExtend<Handlers>();
    void (handlers satisfies Handlers);
  });

  it('has a handler for every message, and none for another', () => {
    expectTypeOf<keyof typeof handlers>().toEqualTypeOf<keyof ProtocolMap>();
  });

  it('refuses a handler that takes another argument than its message carries', () => {
    const wrong = { ...handlers, getFirstVisit: (tabId: string) => firstVisitStatus(Number(tabId)) };
    expectTypeOf(wrong).not.toExtend<Handlers>();
    void ({
      ...handlers,
      // @ts-expect-error getFirstVisit carries a tab id, a number
      getFirstVisit: (tabId: string) => firstVisitStatus(Number(tabId)),
    } satisfies Handlers);
  });

  it('refuses a handler that answers another type than its message promises', () => {
    const wrong = { ...handlers, addPortal: async (tabId: number) => ({ site: String(tabId) }) };
    expectTypeOf(wrong).not.toExtend<Handlers>();
    void ({
      ...handlers,
      // @ts-expect-error addPortal answers `{ host }`
      addPortal: async (tabId: number) => ({ site: String(tabId) }),
    } satisfies Handlers);
  });

  it('refuses handlers that leave a message unanswered', () => {
    const { undo: _undo, ...rest } = handlers;
    expectTypeOf(rest).not.toExtend<Handlers>();
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
