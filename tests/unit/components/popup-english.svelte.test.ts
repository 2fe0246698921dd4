// @vitest-environment jsdom
import { render, screen } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import ConsentPanel from '@/components/ConsentPanel.svelte';
import TimeStrip from '@/components/TimeStrip.svelte';
import type { ClassifiedCookie } from '@/lib/audit/classify';
import { consentLine, findingCount, verdictLine } from '@/lib/audit/report-summary';
import { charterSentence } from '@/lib/charter/status-sentence';
import { reportSentences, restoredSentences, verdictOf } from '@/lib/first-visit/shown';
import { setMessages, t, tn } from '@/lib/i18n/messages';
import { timelineLine } from '@/lib/timeline/line';
import { stripOf } from '@/lib/timeline/strip';
import { messagesOf } from '../support/messages';

/** The popup in English: the setup speaks French, each test here switches (and the setup switches back). */
const english = async () => setMessages('en', await messagesOf('en'));

const row = (declared: boolean, rules: string[] = []) =>
  ({ declared, findings: rules.map((rule) => ({ rule, text: rule })) }) as unknown as ClassifiedCookie;
const readable = (choices: [string, string, boolean][], madeAt?: string) => ({
  record: { state: 'readable' as const, choices: choices.map(([key, label, accepted]) => ({ key, label, accepted })), ...(madeAt && { madeAt }) },
});
const ref = (name: string) => ({ name, domain: 'data.issy.com', path: '/' });

describe('the popup’s first lines in English', () => {
  it('says the verdict in one line, in English plurals', async () => {
    await english();
    const cookies = [row(true), row(true, ['lifetime-differs']), row(false, ['undeclared', 'present-without-consent']), row(false, ['undeclared'])];
    expect(verdictLine({ cookies, findings: [{ rule: 'declared-not-seen', text: '' }] as never })).toBe('4 cookies: 2 declared, 2 undeclared · 3 findings');
    expect(verdictLine({ cookies: [row(true), row(false), row(false)], findings: [], undeclared: { reported: 1, pageOnly: 1 } })).toBe(
      '3 cookies: 1 declared, 1 undeclared (and 1 undeclared name seen by the page only) · no findings',
    );
  });

  it('says 0, 1 and 2 as English does, where French says « 0 cookie »', async () => {
    expect([0, 1, 2].map((n) => tn('popup.count.cookies', n))).toEqual(['0\u00a0cookie', '1\u00a0cookie', '2\u00a0cookies']);
    await english();
    expect([0, 1, 2].map((n) => tn('popup.count.cookies', n))).toEqual(['0 cookies', '1 cookie', '2 cookies']);
    expect([0, 1, 2].map(findingCount)).toEqual(['no findings', '1 finding', '2 findings']);
    expect(verdictLine({ cookies: [row(true)], findings: [] })).toBe('1 cookie: 1 declared, 0 undeclared · no findings');
    expect(verdictLine({ cookies: [], findings: [] })).toBe('0 cookies: 0 declared, 0 undeclared · no findings');
    expect(tn('popup.count.cookies', 1234)).toBe('1,234 cookies');
  });

  it('says the recorded choice with its date, this year’s without the year', async () => {
    await english();
    const now = new Date('2026-12-07T10:00:00Z');
    const consent = readable([['functional_cookies', 'Functional cookies', true], ['matomo', 'Matomo', true], ['ga', 'Google Analytics', false]], '2026-12-05T09:00:00Z');
    expect(consentLine(consent, now)).toBe('Your choice: Matomo accepted, Google Analytics refused, on 5 December');
    expect(consentLine(readable([['ga', 'Google Analytics', true]], '2025-03-01T09:00:00Z'), now)).toBe('Your choice: Google Analytics accepted, on 1 March 2025');
    expect(consentLine({ ...readable([['ga', 'Google Analytics', false]], '2027-01-01T00:00:00Z'), dateInFuture: true }, now)).toBe('Your choice: Google Analytics refused');
    expect(consentLine(undefined, now)).toBe('No choice recorded: trackers that need consent are refused.');
    expect(consentLine({ record: { state: 'unreadable', reason: 'value too long' } }, now)).toBe('Your choice: unreadable record (value too long).');
  });

  it('dates the recorded choice and its end in the panel', async () => {
    await english();
    render(ConsentPanel, { consent: { ...readable([['ga', 'Google Analytics', false]], '2026-12-05T09:00:00Z'), expiresAt: '2027-06-05T09:00:00Z' } as never });
    expect(screen.getByRole('heading', { name: 'Your recorded choice' })).toBeInTheDocument();
    expect(screen.getByText('refused')).toBeInTheDocument();
    const dates = document.querySelector('.dates')!.textContent!.replace(/\s+/g, ' ').trim();
    expect(dates).toMatch(/^Choice made on 5 December 2026 at \d{2}:\d{2}\. It expires on 5 June 2027\.$/);
  });

  it('says what re-reading the charter gave', async () => {
    await english();
    const changes = { since: 'previous' as const, at: 'x', added: ['a'], removed: [], changed: ['b', 'c'] };
    expect(charterSentence({ used: 'live', changes, warnings: [] } as never, 'x')).toBe(
      'Charter read again on the site: it has changed since the previous reading (1 cookie added, 0 removed, 2 changed).',
    );
    expect(charterSentence({ used: 'bundled' } as never)).toBe('Témoin uses its built-in copy of the charter.');
  });
});

describe('a first-visit test’s report in English', () => {
  it('says each cookie’s verdict', async () => {
    await english();
    expect(verdictOf({ declared: false, guess: { provider: 'Google Analytics' } } as never)).toBe('undeclared (probably Google Analytics)');
    expect(verdictOf({ declared: true, category: 'necessary' } as never)).toBe('declared, necessary');
    expect(verdictOf({ declared: true, category: 'statistics' } as never)).toBe('declared, not necessary');
  });

  it('says what was put back, what was not and why', async () => {
    await english();
    expect(restoredSentences({ cookies: 3, failed: [], storage: true })).toEqual(['Your cookies were put back (3).']);
    expect(
      restoredSentences({
        cookies: 2,
        failed: [{ cookie: ref('_ga'), reason: 'expired during the test' }],
        storage: false,
        untouched: [ref('a b'), ref('c d')],
        leftover: [{ cookie: ref('_hj'), reason: 'the browser refused the removal' }],
      }),
    ).toEqual([
      '2 of your cookies put back; 1 could not be: _ga (expired during the test).',
      'Left as they were during the test, since Chromium cannot recreate them at their exact path: a b (data.issy.com/), c d (data.issy.com/).',
      'Set by the portal during the test and still there, as the browser refused to remove it: _hj (the browser refused the removal).',
      "The page’s storage could not be put back.",
    ]);
    expect(restoredSentences({ cookies: 0, failed: [{ cookie: ref('a'), reason: 'r' }, { cookie: ref('b'), reason: 's' }], storage: true })).toEqual([
      'None of your cookies were put back; 2 could not be: a (r), b (s).',
    ]);
  });

  it('says what a shortened report leaves out', async () => {
    await english();
    const report = { cookies: [{}, {}] as never[], storage: [{}] as never[], leftOut: { cookies: 1, storage: 3 } };
    expect(reportSentences(report)).toEqual([
      'Report shortened to fit in the room Témoin keeps for it: 2 of the 3 cookies set are in it, the other one is not; 1 of the 4 storage keys are in it, the other 3 are not.',
    ]);
  });
});

describe('the timeline in English', () => {
  const at = (ms: number) => ({ known: true as const, firstSetAt: ms, lastChangedAt: ms, setBy: 'site' as const });
  const item = (name: string, ms: number, extra: object = {}) =>
    ({ id: name, cookie: { name, domain: 'data.issy.com', path: '/' }, declared: true, category: 'necessary', findings: [], timeline: at(ms), ...extra }) as unknown as ClassifiedCookie;

  it('gives the strip’s facts to screen readers in words and in time order', async () => {
    await english();
    const strip = stripOf([item('_ga', 3_000, { declared: false, category: 'undeclared' }), item('csrftoken', 1_000)], { from: 0, to: 10_000, loadAt: 0 });
    render(TimeStrip, { strip, when: (ms: number) => `+${ms / 1000} s`, label: t('firstVisit.stripLabel') });
    const list = screen.getByRole('list', { name: 'Timeline of the test, from the page load' });
    expect([...list.querySelectorAll('li')].map((li) => li.textContent)).toEqual([
      '+0 s: page load',
      '+1 s: csrftoken, necessary according to the charter',
      '+3 s: _ga, undeclared',
      'no choice during this time',
    ]);
  });

  it('says when a cookie appeared', async () => {
    await english();
    expect(timelineLine({ known: false, since: Date.parse('2026-12-02T15:40:00') } as never)).toMatch(/^Set before Témoin started watching \(2 December/);
    expect(timelineLine({ ...at(Date.parse('2026-12-02T15:40:00')), setBy: 'temoin' } as never)).toMatch(/^Put back by Témoin on 2 December/);
  });
});
