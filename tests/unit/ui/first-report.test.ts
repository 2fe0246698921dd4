// @vitest-environment jsdom
/**
 * The popup's first request, sent by a classic script without the messaging library, reaches
 * the library's own listener (lib/protocol.ts, as the background registers its handlers) and
 * comes back the same as through the library: the answer, or the handler's error.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { onMessage, sendMessage, type ReportResult } from '@/lib/protocol';
import { askFirstReport, requestReport } from '@/lib/ui/first-report';

type Listener = (message: unknown, sender: object, reply: (response: unknown) => void) => boolean | void;

/** `chrome.runtime` between two contexts of one extension: what is sent reaches every listener, as the browser does it. */
function runtime() {
  const listeners: Listener[] = [];
  return {
    lastError: undefined as { message: string } | undefined,
    onMessage: {
      addListener: (l: Listener) => listeners.push(l),
      removeListener: (l: Listener) => listeners.splice(listeners.indexOf(l), 1),
    },
    sendMessage(message: unknown, reply: (response: unknown) => void) {
      // Structured clone, as between the popup and the background: nothing but data crosses.
      const sent = structuredClone(message);
      let kept = false;
      for (const l of listeners) kept = l(sent, { id: 'temoin' }, (r) => reply(structuredClone(r))) === true || kept;
      if (!kept) reply(undefined);
    },
  };
}

describe('the popup’s first request', () => {
  let remove: (() => void) | undefined;
  beforeEach(() => vi.stubGlobal('chrome', { runtime: runtime() }));
  afterEach(() => {
    remove?.();
    vi.unstubAllGlobals();
  });

  const report: ReportResult = { state: 'not-covered', host: 'example.org', tabId: 7 };

  it('reaches the library’s listener with the request, and answers what the handler returns, as the library does', async () => {
    const asked: unknown[] = [];
    remove = onMessage('getReport', ({ data }) => {
      asked.push(data);
      return report;
    });
    expect(await requestReport({ tab: 7 })).toEqual(report);
    expect(await sendMessage('getReport', { tab: 7 })).toEqual(report);
    expect(asked).toEqual([{ tab: 7 }, { tab: 7 }]);
  });

  it('rejects with the handler’s own message when it throws, as the library does', async () => {
    remove = onMessage('getReport', () => {
      throw new Error('Onglet introuvable');
    });
    await expect(requestReport({ tab: 'active' })).rejects.toThrow('Onglet introuvable');
    await expect(sendMessage('getReport', { tab: 'active' })).rejects.toThrow('Onglet introuvable');
  });

  it('says why when nothing answers', async () => {
    await expect(requestReport({ tab: 1 })).rejects.toThrow('No response');
  });

  it('asks for the tab of `?tabId=`, and turns a failure into the popup’s error state', async () => {
    const asked: unknown[] = [];
    remove = onMessage('getReport', ({ data }) => {
      asked.push(data);
      throw new Error('Le service de Témoin ne répond pas');
    });
    history.replaceState(null, '', '/popup.html?tabId=12');
    expect(await askFirstReport()).toEqual({ state: 'error', message: 'Le service de Témoin ne répond pas' });
    expect(asked).toEqual([{ tab: 12 }]);
    history.replaceState(null, '', '/popup.html?tabId=x');
    expect(await askFirstReport()).toEqual({ state: 'error', message: 'Aucun onglet à examiner.' });
  });
});
