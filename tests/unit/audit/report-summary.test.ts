import { describe, expect, it } from 'vitest';
import { consentLine, findingCount, verdictLine } from '@/lib/audit/report-summary';
import type { ClassifiedCookie } from '@/lib/audit/classify';

const row = (declared: boolean, rules: string[] = []) =>
  ({ declared, findings: rules.map((rule) => ({ rule, text: rule })) }) as unknown as ClassifiedCookie;

describe('the verdict line', () => {
  it('counts cookies, declared and not, and findings other than « non déclaré »', () => {
    const cookies = [row(true), row(true, ['lifetime-differs']), row(false, ['undeclared', 'present-without-consent']), row(false, ['undeclared'])];
    expect(verdictLine({ cookies, findings: [{ rule: 'declared-not-seen', text: '' }] })).toBe(
      '4\u00a0cookies\u00a0: 2\u00a0déclarés, 2\u00a0non déclarés · 3\u00a0constats',
    );
  });

  it('counts the undeclared cookies as the badge does, and a name only the page saw apart', () => {
    const cookies = [row(true), row(false, ['undeclared']), row(false, ['undeclared']), row(false, ['undeclared'])];
    expect(verdictLine({ cookies, findings: [], undeclared: { reported: 2, pageOnly: 1 } })).toBe(
      '4\u00a0cookies\u00a0: 1\u00a0déclaré, 2\u00a0non déclarés (et 1\u00a0nom non déclaré vu par la page seulement) · aucun constat',
    );
  });

  it('says one and none in French', () => {
    expect(verdictLine({ cookies: [row(true)], findings: [] })).toBe('1\u00a0cookie\u00a0: 1\u00a0déclaré, 0\u00a0non déclaré · aucun constat');
    expect(findingCount(1)).toBe('1\u00a0constat');
  });
});

describe('the recorded choice in a few words', () => {
  const now = new Date('2026-12-07T10:00:00Z');
  const readable = (choices: [string, string, boolean][], madeAt?: string) => ({
    record: { state: 'readable' as const, choices: choices.map(([key, label, accepted]) => ({ key, label, accepted })), ...(madeAt && { madeAt }) },
  });

  it('names each tracker accepted or refused, and the day', () => {
    const consent = readable([['functional_cookies', 'Cookies fonctionnels', true], ['matomo', 'Matomo', true], ['ga', 'Google Analytics', false]], '2026-12-05T09:00:00Z');
    expect(consentLine(consent, now)).toBe('Votre choix\u00a0: Matomo accepté, Google Analytics refusé, le 5 décembre');
  });

  it('gives the year of a choice made another year, and « 1er »', () => {
    expect(consentLine(readable([['ga', 'Google Analytics', true]], '2025-03-01T09:00:00Z'), now)).toBe('Votre choix\u00a0: Google Analytics accepté, le 1er mars 2025');
  });

  it('does not date a choice whose date is still to come', () => {
    expect(consentLine({ ...readable([['ga', 'Google Analytics', false]], '2027-01-01T00:00:00Z'), dateInFuture: true }, now)).toBe(
      'Votre choix\u00a0: Google Analytics refusé',
    );
  });

  it('says when there is no choice, and when it cannot be read', () => {
    expect(consentLine(undefined, now)).toMatch(/^Aucun choix enregistré/);
    expect(consentLine({ record: { state: 'unreadable', reason: 'valeur trop longue' } }, now)).toBe('Votre choix\u00a0: enregistrement illisible (valeur trop longue).');
  });
});
