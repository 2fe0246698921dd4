import { describe, expect, it } from 'vitest';
import { setMessages } from '@/lib/i18n/messages';
import { deleteReasonLabel, keepReasonLabel } from '@/lib/actions/clear-labels';
import type { ClassifiedCookie } from '@/lib/audit/classify';
import { messagesOf } from '../support/messages';

const cookie = (fields: Partial<ClassifiedCookie>) => ({ declared: false, ...fields }) as ClassifiedCookie;

describe('why the clearing preview ticks a cookie or not', () => {
  it('says it in English', async () => {
    setMessages('en', await messagesOf('en'));
    expect(keepReasonLabel('necessary')).toBe('kept: necessary according to the charter');
    expect(keepReasonLabel('keep-list')).toBe('kept: on your list of names to always keep');
    expect(keepReasonLabel('unclear')).toBe('kept: the charter does not say whether it is necessary');
    expect(keepReasonLabel('platform')).toMatch(/^kept: an Opendatasoft platform cookie/);
    expect(deleteReasonLabel(cookie({}))).toBe('not declared in the charter');
    expect(deleteReasonLabel(cookie({ guess: { provider: 'Google Analytics', kindLabel: 'Audience measurement' } as ClassifiedCookie['guess'] }))).toBe(
      'not declared in the charter; probably Google Analytics (audience measurement)',
    );
    expect(deleteReasonLabel(cookie({ declared: true, entry: { declaredUnder: 'Statistics' } as ClassifiedCookie['entry'] }))).toBe(
      'declared under “Statistics”, not necessary',
    );
    expect(deleteReasonLabel(cookie({ declared: true }))).toBe('declared not necessary by the charter');
  });

  it('says it in French, with its typography', () => {
    expect(keepReasonLabel('necessary')).toBe('conservé\u00a0: nécessaire selon la charte');
    expect(deleteReasonLabel(cookie({ declared: true, entry: { declaredUnder: 'Statistiques' } as ClassifiedCookie['entry'] }))).toBe(
      'déclaré sous «\u00a0Statistiques\u00a0», non nécessaire',
    );
  });
});
