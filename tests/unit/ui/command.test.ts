// @vitest-environment jsdom
/** A command from a click, the same in the popup and the options page (lib/ui/command.ts). */
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CommandResult } from '@/lib/actions/result';
import { runCommand } from '@/lib/ui/command';
import { liveRegion } from '@/lib/ui/live-region.svelte';
import { queued, queueIdle } from '@/lib/actions/queue';

afterEach(() => {
  vi.useRealTimers();
  document.body.innerHTML = '';
});

/** Runs a command and notes, in order, what the page saw of it. */
async function steps(run: () => Promise<CommandResult>, site?: string) {
  const seen: string[] = [];
  let shown: CommandResult | undefined;
  document.body.innerHTML = '<p id="summary" tabindex="-1"></p>';
  await runCommand({
    kind: 'clear',
    ...(site && { site }),
    run,
    busy: (busy) => seen.push(busy ? 'busy' : 'idle'),
    show: (result) => {
      shown = result;
      seen.push('shown');
    },
    refresh: async () => seen.push('refreshed'),
    summary: () => document.getElementById('summary'),
  });
  vi.advanceTimersByTime(100);
  return { seen, shown, said: liveRegion.text.replace(/\u00a0/g, ' '), focused: document.activeElement?.id };
}

describe('a command', () => {
  it('is busy while it runs, shows its result, reads the page again, says it and puts focus on it', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout'] });
    const done = { done: [{ name: '_ga', domain: '.issy.com', path: '/' }], failed: [] };
    const { seen, shown, said, focused } = await steps(async () => done, 'data.issy.com');
    expect(seen).toEqual(['busy', 'shown', 'idle', 'refreshed']);
    expect(shown).toBe(done);
    expect(said).toBe('Cookies non essentiels supprimés sur data.issy.com : 1 cookie supprimé.');
    expect(focused).toBe('summary');
  });

  it('that could not run is shown and said as a failure, with the reason in French', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout'] });
    const { seen, shown, said } = await steps(() => Promise.reject(new Error('Could not establish connection. Receiving end does not exist.')), 'data.issy.com');
    expect(seen).toEqual(['busy', 'shown', 'idle', 'refreshed']);
    expect(shown?.done).toEqual([]);
    expect(shown?.failed).toHaveLength(1);
    expect(shown?.failed[0]?.cookie.domain).toBe('data.issy.com');
    expect(shown?.failed[0]?.reason).not.toMatch(/Receiving end/);
    expect(said).toBe('Cookies non essentiels non supprimés sur data.issy.com : 0 cookie supprimé, 1 en échec (détail ci-dessous).');
  });
});

describe('a command whose page is slow to read again', () => {
  /** The pressed button, focused, and the result's summary; the button goes when the page is read again. */
  function page() {
    document.body.innerHTML = '<button id="undo">Annuler ce nettoyage</button><p id="summary" tabindex="-1"></p>';
    document.getElementById('undo')!.focus();
    return {
      busy: () => {},
      show: () => {},
      summary: () => document.getElementById('summary'),
      buttonGoes: () => document.getElementById('undo')!.remove(),
    };
  }
  const restored: CommandResult = { done: [{ name: '_ga', domain: '.issy.com', path: '/' }], failed: [] };

  it('is said while the background queue still holds the reading back, and focus follows once it is read', async () => {
    // The reading of the page waits, in the background, for the commands queued before it ends
    // (lib/background/handlers.ts): here an automatic clearing queued just after the undo.
    let release!: () => void;
    const clearing = queued(() => new Promise<void>((resolve) => (release = resolve)));
    const { buttonGoes, ...io } = page();
    const running = runCommand({
      kind: 'undo-clear',
      run: async () => restored,
      refresh: async () => {
        await queueIdle();
        buttonGoes();
      },
      ...io,
    });
    await vi.waitFor(() => expect(liveRegion.text.replace(/\u00a0/g, ' ')).toBe('Suppression annulée : 1 cookie restauré.'), { timeout: 2000 });
    expect(document.activeElement?.id).toBe('undo');
    release();
    await clearing;
    await running;
    expect(document.activeElement?.id).toBe('summary');
  });

  it('that fails is said all the same, and focus still goes to the result', async () => {
    const { buttonGoes, ...io } = page();
    const running = runCommand({
      kind: 'undo-clear',
      run: async () => restored,
      refresh: async () => {
        buttonGoes();
        throw new Error('Could not establish connection. Receiving end does not exist.');
      },
      ...io,
    });
    await expect(running).rejects.toThrow(/Receiving end/);
    await vi.waitFor(() => expect(liveRegion.text.replace(/\u00a0/g, ' ')).toBe('Suppression annulée : 1 cookie restauré.'), { timeout: 2000 });
    expect(document.activeElement?.id).toBe('summary');
  });
});
