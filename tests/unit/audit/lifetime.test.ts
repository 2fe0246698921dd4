import { describe, expect, it } from 'vitest';
import { durationInWords, lifetimeInWords } from '@/lib/audit/lifetime';

const DAY = 86_400;

describe('lifetime in plain French', () => {
  it.each([
    [30, 'moins d’une minute'],
    [90, '2\u00a0minutes'],
    [3 * 3600, '3\u00a0heures'],
    [DAY, '1\u00a0jour'],
    [3 * DAY, '3\u00a0jours'],
    [7 * DAY, '1\u00a0semaine'],
    [14 * DAY - 5, '2\u00a0semaines'], // sessionid, a few seconds after it was set
    [10 * DAY, '10\u00a0jours'],
    [30 * DAY, '1\u00a0mois'],
    [182 * DAY, '6\u00a0mois'], // cookies_preferences
    [365 * DAY, '12\u00a0mois'], // csrftoken
    [400 * DAY, '13\u00a0mois'], // the most Chrome keeps
    [730 * DAY, '2\u00a0ans'],
  ])('%i seconds read « %s »', (seconds, words) => {
    expect(durationInWords(seconds)).toBe(words);
  });

  it('says « fin de session » for a session cookie', () => {
    expect(lifetimeInWords({ session: true }, 0)).toBe('fin de session');
  });

  it('counts from now', () => {
    expect(lifetimeInWords({ session: false, expirationDate: 1000 + 14 * DAY }, 1000)).toBe('2\u00a0semaines');
  });

  it('says when a cookie has expired or its expiry is unknown', () => {
    expect(lifetimeInWords({ session: false, expirationDate: 10 }, 20)).toBe('expiré');
    expect(lifetimeInWords({ session: false }, 20)).toBe('inconnue');
  });
});
