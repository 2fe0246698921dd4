import { describe, expect, it, vi } from 'vitest';
import { setMessages } from '@/lib/i18n/messages';
import { reasonOf, visitorError, written } from '@/lib/i18n/errors';
import { messagesOf } from '../support/messages';

const english = async () => setMessages('en', await messagesOf('en'));

describe('errors shown to an English-speaking visitor', () => {
  it.each([
    ['No tab with id: 999999.', 'The tab no longer exists (it may have been closed).'],
    ['permissions.request may only be called from a user input handler', 'The browser only asks for a permission right after a click; please click the button again.'],
    ['Could not establish connection. Receiving end does not exist.', 'Témoin could not reach its background service; close its window and open it again.'],
    ['Missing host permission for the tab', 'Témoin is not allowed to read this page.'],
    ['QUOTA_BYTES quota exceeded', 'Témoin’s storage space is full.'],
  ])('says « %s » in plain English', async (raw, english_) => {
    await english();
    expect(visitorError(raw)).toBe(english_);
    expect(reasonOf(new Error(raw))).toBe(english_);
  });

  it('keeps Témoin’s own English messages, and an unknown English one, as they are', async () => {
    await english();
    for (const message of ['Témoin does not cover the site in this tab.', 'Something unexpected happened in the engine']) {
      expect(visitorError(message)).toBe(message);
    }
  });

  it('says an empty reason as a general English sentence, with no French word in it', async () => {
    await english();
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    expect(reasonOf('')).toBe('The browser refused the operation without giving a reason.');
    warn.mockRestore();
  });

  it('says a failed save in one English sentence, the reason on the same sentence', async () => {
    await english();
    await expect(written(Promise.reject(new Error('QUOTA_BYTES quota exceeded')), 'the list of portals')).rejects.toThrow(
      'The browser could not save the list of portals: Témoin’s storage space is full.',
    );
  });
});
