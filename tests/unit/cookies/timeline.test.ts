import { describe, expect, it } from 'vitest';
import { issyCharter } from '@/lib/charter/issy';
import { withoutValue, type StoredCookie } from '@/lib/cookies/model';
import { mergeInventory } from '@/lib/cookies/inventory';
import { buildReport } from '@/lib/audit/report';
import { applyChange, emptyTimeline, timelineOf, type Timeline } from '@/lib/cookies/timeline';
import { timelineWatch } from '@/lib/timeline/watch';
import { cookie } from '../support/memory-cookies';

const page = new URL('https://data.issy.com/');
const T0 = new Date(2026, 11, 2, 15, 0).getTime();
const min = (n: number) => T0 + n * 60_000;

function set(t: Timeline, c: StoredCookie, at: number, own = false) {
  return applyChange(t, { cookie: withoutValue(c), removed: false, cause: 'explicit', own, at });
}
function remove(t: Timeline, c: StoredCookie, at: number, cause = 'explicit', own = false) {
  return applyChange(t, { cookie: withoutValue(c), removed: true, cause, own, at });
}

const pk = cookie({ name: '_pk_id.1.a1b2' });
const ga = cookie({ name: '_ga', domain: '.issy.com', hostOnly: false });
const choice = (value: object, at: number) =>
  cookie({ name: 'cookies_preferences', value: encodeURIComponent(JSON.stringify({ ...value, timestamp: at })) });

describe('the timeline of one cookie', () => {
  it('notes when a cookie was first set and when the site last rewrote it', () => {
    const t = emptyTimeline(T0);
    set(t, pk, min(1));
    remove(t, pk, min(5), 'overwrite'); // Chrome reports an update as a removal then a set
    set(t, pk, min(5));
    expect(timelineOf(t, pk)).toEqual({ known: true, firstSetAt: min(1), lastChangedAt: min(5), setBy: 'site' });
  });

  it('starts a new history when the site sets a cookie again after it was removed', () => {
    const t = emptyTimeline(T0);
    set(t, pk, min(1));
    remove(t, pk, min(2));
    expect(timelineOf(t, pk)).toEqual({ known: false, since: T0 });
    set(t, pk, min(3));
    expect(timelineOf(t, pk)).toMatchObject({ known: true, firstSetAt: min(3) });
  });

  it('keeps the history when Témoin puts a cookie back (undo): the site did not set it', () => {
    const t = emptyTimeline(T0);
    set(t, pk, min(1));
    remove(t, pk, min(2), 'explicit', true);
    set(t, pk, min(3), true);
    expect(timelineOf(t, pk)).toEqual({ known: true, firstSetAt: min(1), lastChangedAt: min(1), setBy: 'site' });
  });

  it('says a cookie Témoin never saw set was there before the watch', () => {
    expect(timelineOf(emptyTimeline(T0), ga)).toEqual({ known: false, since: T0 });
  });

  it('tells cookies apart by store, partition, domain and path', () => {
    const t = emptyTimeline(T0);
    set(t, pk, min(1));
    expect(timelineOf(t, { ...pk, storeId: 'firefox-container-1' }).known).toBe(false);
    expect(timelineOf(t, { ...pk, path: '/explore' }).known).toBe(false);
    expect(timelineOf(t, { ...pk, partitionKey: { topLevelSite: 'https://issy.com' } }).known).toBe(false);
  });

  it('never holds a value', () => {
    const t = emptyTimeline(T0);
    set(t, cookie({ name: 'sessionid', value: 'secret-session' }), min(1));
    expect(JSON.stringify(t)).not.toContain('secret-session');
  });

  it('stays bounded, forgetting the removed and the oldest first', () => {
    const t = emptyTimeline(T0);
    const removed = cookie({ name: 'gone' });
    set(t, removed, min(0));
    remove(t, removed, min(0));
    for (let i = 1; i <= 30; i++) applyChange(t, { cookie: withoutValue(cookie({ name: `c${i}` })), removed: false, cause: 'explicit', own: false, at: min(i) }, 20);
    const names = Object.values(t.entries).map((e) => e.name);
    expect(names.length).toBeLessThanOrEqual(20);
    expect(names).not.toContain('gone');
    expect(names).toContain('c30');
    expect(names).not.toContain('c1');
  });
});

function report(jar: StoredCookie[], t: Timeline, consent?: StoredCookie) {
  return buildReport({
    charter: issyCharter,
    facts: mergeInventory(consent ? [...jar, consent] : jar, [], page),
    pageUrl: page,
    now: new Date(min(60)),
    timeline: t,
    ...(consent && { consentCookie: consent }),
  });
}
const findingsOf = (r: ReturnType<typeof report>, name: string) =>
  r.cookies.find((c) => c.cookie.name === name)!.findings.filter((f) => f.rule.startsWith('set-')).map((f) => f.text);

describe('CNIL findings from the timeline (délibération 2020-091)', () => {
  it('dates a tracker set while no choice exists', () => {
    const t = emptyTimeline(T0);
    set(t, pk, min(40));
    expect(findingsOf(report([pk], t), '_pk_id.1.a1b2')).toEqual(['Déposé le 2 décembre à 15:40, avant que vous ayez fait un choix.']);
  });

  it('dates a tracker set before the choice the visitor later made', () => {
    const t = emptyTimeline(T0);
    const accepted = choice({ ga: true, matomo: true }, min(42));
    set(t, ga, min(40));
    set(t, accepted, min(42));
    expect(findingsOf(report([ga], t, accepted), '_ga')).toEqual([
      'Déposé le 2 décembre à 15:40, avant que vous ayez fait un choix (le 2 décembre à 15:42).',
    ]);
  });

  it('dates a tracker set after the visitor refused it, naming the tracker', () => {
    const t = emptyTimeline(T0);
    const refused = choice({ ga: true, matomo: false }, min(41));
    set(t, refused, min(41));
    set(t, pk, min(45));
    set(t, ga, min(45));
    const r = report([pk, ga], t, refused);
    expect(findingsOf(r, '_pk_id.1.a1b2')).toEqual(['Déposé le 2 décembre à 15:45, après votre refus de Matomo du 2 décembre à 15:41.']);
    expect(findingsOf(r, '_ga')).toEqual([]); // accepted
  });

  it('dates a tracker the record does not name, set after every tracker was refused', () => {
    const t = emptyTimeline(T0);
    const refused = choice({ functional_cookies: true, ga: false, matomo: false }, min(41));
    const hotjar = cookie({ name: '_hjSessionUser_3141' });
    set(t, refused, min(41));
    set(t, hotjar, min(50));
    expect(findingsOf(report([hotjar], t, refused), '_hjSessionUser_3141')).toEqual([
      'Déposé le 2 décembre à 15:50, après votre refus de tous les traceurs du 2 décembre à 15:41.',
    ]);
  });

  it('trusts what it saw over the timestamp the page wrote in the record', () => {
    const t = emptyTimeline(T0);
    const refused = choice({ matomo: false }, min(10)); // a page claiming an earlier choice
    set(t, pk, min(20));
    set(t, refused, min(30));
    expect(findingsOf(report([pk], t, refused), '_pk_id.1.a1b2')[0]).toContain('avant que vous ayez fait un choix (le 2 décembre à 15:30)');
  });

  it('uses the record’s own date when the choice predates the watch', () => {
    const t = emptyTimeline(min(30));
    const refused = choice({ matomo: false }, min(10));
    set(t, pk, min(35));
    expect(findingsOf(report([pk], t, refused), '_pk_id.1.a1b2')).toEqual([
      'Déposé le 2 décembre à 15:35, après votre refus de Matomo du 2 décembre à 15:10.',
    ]);
  });

  it('says nothing when the timeline does not know, and says the watch began later', () => {
    const t = emptyTimeline(min(30));
    const r = report([pk], t);
    expect(findingsOf(r, '_pk_id.1.a1b2')).toEqual([]);
    expect(r.cookies[0]!.timeline).toEqual({ known: false, since: min(30) });
  });

  it('says nothing of necessary cookies, nor of what Témoin put back', () => {
    const t = emptyTimeline(T0);
    const session = cookie({ name: 'sessionid', httpOnly: true });
    set(t, session, min(1));
    set(t, pk, min(1), true);
    const r = report([session, pk], t);
    expect(findingsOf(r, 'sessionid')).toEqual([]);
    expect(findingsOf(r, '_pk_id.1.a1b2')).toEqual([]);
  });

  it('does not blame a tracker set while a choice existed that the visitor later reset', () => {
    const t = emptyTimeline(T0);
    const accepted = choice({ matomo: true }, min(1));
    set(t, accepted, min(1));
    set(t, pk, min(5));
    remove(t, accepted, min(10), 'explicit', true); // « Réinitialiser mes préférences cookies »
    expect(findingsOf(report([pk], t), '_pk_id.1.a1b2')).toEqual([]);
    const late = cookie({ name: '_pk_ses.1.a1b2' });
    set(t, late, min(12));
    expect(findingsOf(report([pk, late], t), '_pk_ses.1.a1b2')).toEqual(['Déposé le 2 décembre à 15:12, avant que vous ayez fait un choix.']);
  });
});

describe('the background’s watch', () => {
  function io(stored: Timeline | null = null) {
    const saved: Timeline[] = [];
    let now = min(0);
    return {
      saved,
      tick: (ms: number) => (now += ms),
      io: {
        load: async () => stored,
        save: async (t: Timeline) => void saved.push(structuredClone(t)),
        domains: async () => ['issy.com'],
        now: () => now,
      },
    };
  }

  it('applies changes reported while the stored timeline is read, and only for covered sites', async () => {
    const { io: dep } = io();
    const watch = timelineWatch(dep, 0);
    watch.changed(withoutValue(pk), false, 'explicit', false);
    watch.changed(withoutValue(cookie({ name: 'x', domain: 'elsewhere.example' })), false, 'explicit', false);
    const t = await watch.current();
    expect(Object.values(t.entries).map((e) => e.name)).toEqual(['_pk_id.1.a1b2']);
    expect(t.watchStartedAt).toBe(min(0));
  });

  it('continues the timeline of this browser session after the background slept', async () => {
    const stored = emptyTimeline(T0);
    set(stored, pk, min(1));
    const watch = timelineWatch(io(stored).io, 0);
    expect(timelineOf(await watch.current(), pk)).toMatchObject({ known: true, firstSetAt: min(1) });
  });

  it('notes nothing of a site and store set aside for a first-visit test', async () => {
    const { io: dep } = io();
    const watch = timelineWatch(dep, 0);
    await watch.current();
    const release = watch.ignore('issy.com', '0');
    watch.changed(withoutValue(pk), false, 'explicit', false);
    watch.changed(withoutValue({ ...pk, storeId: '1' }), false, 'explicit', false);
    release();
    watch.changed(withoutValue(ga), false, 'explicit', false);
    const names = Object.values((await watch.current()).entries).map((e) => `${e.storeId}:${e.name}`);
    expect(names.sort()).toEqual(['0:_ga', '1:_pk_id.1.a1b2']);
  });
});
