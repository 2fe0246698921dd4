/**
 * The one way the pages learn that cookies changed: the background's signal (lib/changes.ts),
 * read by each page for the sites it shows, and not twice for its own command.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { signalChanges } from '@/lib/background/change-signal';
import { changesItem } from '@/lib/changes';
import { watchChanges } from '@/lib/ui/changes';

/** What a page does with the signals given while it watches. */
async function heard(page: { domains: string[]; busy?: boolean }, signals: () => Promise<void>): Promise<number> {
  let count = 0;
  const stop = watchChanges(() => count++, { domains: () => page.domains, busy: () => page.busy === true });
  await signals();
  await new Promise((resolve) => setTimeout(resolve, 0));
  stop();
  return count;
}

describe('the change signal', () => {
  beforeEach(() => fakeBrowser.reset());

  it('names each domain and partition once, and is new at every burst', async () => {
    await signalChanges([{ domain: '.issy.com' }, { domain: '.issy.com' }, { domain: 'data.issy.com' }]);
    const first = await changesItem.getValue();
    expect(first?.cookies).toEqual([{ domain: '.issy.com' }, { domain: 'data.issy.com' }]);
    expect(first?.command).toBe(false);
    await signalChanges([{ domain: '.issy.com' }]);
    expect((await changesItem.getValue())?.id).not.toBe(first?.id);
  });

  it('reaches a page for the sites it shows, and any page that shows none yet', async () => {
    expect(await heard({ domains: ['issy.com'] }, () => signalChanges([{ domain: '.issy.com' }]))).toBe(1);
    expect(await heard({ domains: ['issy.com'] }, () => signalChanges([{ domain: '.example.org' }]))).toBe(0);
    expect(await heard({ domains: [] }, () => signalChanges([{ domain: '.example.org' }]))).toBe(1);
    // A cookie kept in the site's partition concerns it too.
    const partitioned = { domain: '.widget.net', partitionKey: { topLevelSite: 'https://issy.com' } };
    expect(await heard({ domains: ['issy.com'] }, () => signalChanges([partitioned]))).toBe(1);
  });

  it('reaches every page after Témoin changed cookies itself, except the one waiting for its own command’s answer', async () => {
    expect(await heard({ domains: ['issy.com'] }, () => signalChanges(null))).toBe(1);
    expect(await heard({ domains: ['issy.com'] }, () => signalChanges(null, true))).toBe(1);
    expect(await heard({ domains: ['issy.com'], busy: true }, () => signalChanges(null, true))).toBe(0);
    // A burst of the site's own changes is no command: a busy page hears it.
    expect(await heard({ domains: ['issy.com'], busy: true }, () => signalChanges([{ domain: '.issy.com' }]))).toBe(1);
  });
});
