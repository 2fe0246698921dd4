import { afterEach, describe, expect, it, vi } from 'vitest';
import { dayTime, longDate } from '@/lib/i18n/format';
import { setMessages } from '@/lib/i18n/messages';
import { messagesOf } from '../support/messages';

const browserIn = (ui: string) => vi.stubGlobal('chrome', { i18n: { getUILanguage: () => ui } });
afterEach(() => vi.unstubAllGlobals());
// 2 December 2026, 19:05 and 09:05 local time.
const evening = new Date(2026, 11, 2, 19, 5).getTime();
const morning = new Date(2026, 11, 2, 9, 5).getTime();

describe('dates in the language spoken, the way the browser’s country writes them', () => {
  it('writes the first of the month « 1er » and a 24-hour clock in French', async () => {
    browserIn('fr-FR');
    setMessages('fr', await messagesOf('fr'));
    expect(dayTime(new Date(2026, 2, 1, 9, 5).getTime())).toBe('1er mars à 09:05');
    expect(dayTime(evening)).toBe('2 décembre à 19:05');
  });

  it('keeps a 24-hour clock in British English and a 12-hour one, without a leading zero, in American English', async () => {
    setMessages('en', await messagesOf('en'));
    browserIn('en-GB');
    expect(dayTime(morning)).toMatch(/^2 December(,| at) 09:05$/);
    browserIn('en-US');
    expect(dayTime(morning)).toMatch(/^December 2(,| at) 9:05\s?AM$/);
    expect(dayTime(evening)).toMatch(/^December 2(,| at) 7:05\s?PM$/);
    expect(longDate('2026-12-02T12:00:00Z')).toBe('December 2, 2026');
  });
});
