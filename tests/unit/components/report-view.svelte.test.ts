// @vitest-environment jsdom
import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import ReportView from '@/components/ReportView.svelte';
import { issyCharter } from '@/lib/charter/issy';
import { mergeInventory } from '@/lib/cookies/inventory';
import type { ReportResult } from '@/lib/protocol';
import { buildReport } from '@/lib/audit/report';
import { cookie, portalJar } from '../support/memory-cookies';

const page = new URL('https://data.issy.com/');
const now = new Date('2026-11-29T12:00:00Z');

function reportOf(jar = portalJar(), consentCookie?: Parameters<typeof buildReport>[0]['consentCookie']): ReportResult {
  return {
    state: 'report',
    report: buildReport({ charter: issyCharter, facts: mergeInventory(jar, [], page), pageUrl: page, now, ...(consentCookie && { consentCookie }) }),
    charterStatus: { used: 'bundled' },
    charterStale: false,
    pageRead: true,
  };
}

const UNDER = 'Cookies nécessaires au bon fonctionnement de la plateforme / cookies fonctionnels';
const rowOf = (name: string) => screen.getByText(name, { selector: 'code' }).closest('li')!;

/** Each row's details load right after the first paint (components/CookieDetails.svelte): waited for in every row. */
async function detailsLoaded() {
  await waitFor(() => {
    const rows = [...document.querySelectorAll('li.cookie')];
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) expect(row.querySelector('.details .facts')).not.toBeNull();
  }, { timeout: 10_000 });
}

describe('the popup’s report', () => {
  it('shows each declared cookie with its provider, service and French purpose', async () => {
    render(ReportView, { result: reportOf() });
    await detailsLoaded();
    const row = rowOf('sessionid');
    expect(row).toHaveTextContent('Opendatasoft');
    expect(row).toHaveTextContent('Authentification (front et back office)');
    expect(row).toHaveTextContent("Se souvenir de l'utilisateur d'une page à une autre.");
    expect(row).toHaveTextContent('Nécessaire');
    expect(row).toHaveTextContent('HttpOnly');
    expect(row).not.toHaveTextContent('Non déclaré');
  });

  it('marks undeclared cookies « Non déclaré » and lists them apart, first', () => {
    render(ReportView, { result: reportOf() });
    const [undeclared, declared] = screen.getAllByRole('heading', { level: 2 }).map((h) => h.closest('section')!);
    expect(undeclared).toHaveTextContent('Non déclarés dans la charte (3)');
    // The charter's section is named once, in the heading, not in each row.
    expect(declared).toHaveTextContent(`Déclarés (4) sous « ${UNDER} »`);
    expect(within(rowOf('sessionid')).getByRole('button')).not.toHaveTextContent('Déclaré sous');
    for (const name of ['_ga', '_hjSessionUser_3141', 'ods_embed']) {
      expect(within(undeclared!).getByText(name)).toBeInTheDocument();
      expect(rowOf(name)).toHaveTextContent('Non déclaré');
    }
  });

  it('shows the flags: parent domain, partitioned, Secure', async () => {
    render(ReportView, { result: reportOf() });
    await detailsLoaded();
    expect(rowOf('_ga')).toHaveTextContent('domaine parent');
    expect(rowOf('ods_embed')).toHaveTextContent('partitionné');
    expect(rowOf('ods_embed')).toHaveTextContent('Secure');
  });

  it('says which charter it used and when it was copied', () => {
    render(ReportView, { result: reportOf() });
    expect(screen.getByText(/Copie intégrée du 29 novembre 2026/)).toBeInTheDocument();
  });

  it('says it is reading the cookies only when the report is slow to come', async () => {
    render(ReportView, { result: null });
    expect(screen.queryByText('Lecture des cookies…')).not.toBeInTheDocument();
    expect(await screen.findByText('Lecture des cookies…', {}, { timeout: 1000 })).toBeInTheDocument();
  });

  it('says so when the site has no cookies', () => {
    render(ReportView, { result: reportOf([]) });
    expect(screen.getByText('Aucun cookie pour ce site pour l’instant.')).toBeInTheDocument();
  });

  it('says so on a site it does not cover', async () => {
    render(ReportView, { result: { state: 'not-covered', host: 'example.org' } });
    expect(await screen.findByText('Ce site n’est pas couvert par Témoin.')).toBeInTheDocument();
    expect(screen.queryByRole('button')).toBeNull();
  });

  it('shows an error rather than a blank panel', () => {
    render(ReportView, { result: { state: 'error', message: 'Le service de l’extension ne répond pas.' } });
    expect(screen.getByRole('alert')).toHaveTextContent('Le service de l’extension ne répond pas.');
  });

  it('asks the page to be reloaded when its script could not be read', () => {
    render(ReportView, { result: { ...reportOf(), pageRead: false } as ReportResult });
    expect(screen.getByText(/La page n’a pas répondu/)).toBeInTheDocument();
  });

  it('resets the preferences in one click, then offers the undo', async () => {
    const onreset = vi.fn();
    const onundo = vi.fn();
    const result = { ...reportOf(), resetUndo: { id: 'u1', at: now.toISOString() } } as ReportResult;
    render(ReportView, {
      result,
      onreset,
      onundo,
      outcome: { kind: 'reset', result: { done: [{ name: 'cookies_preferences', domain: 'data.issy.com', path: '/' }], failed: [] } },
    });
    await fireEvent.click(screen.getByRole('button', { name: 'Réinitialiser mes préférences cookies' }));
    expect(onreset).toHaveBeenCalledOnce();
    // The summary loads with the command (entrypoints/popup/App.svelte), not with the popup.
    await waitFor(() =>
      expect(document.getElementById('command-summary')).toHaveTextContent('Préférences réinitialisées : 1 cookie supprimé. La page va se recharger.'),
      { timeout: 10_000 },
    );
    await fireEvent.click(screen.getByRole('button', { name: 'Annuler la réinitialisation' }));
    expect(onundo).toHaveBeenCalledWith('u1');
  });

  it('shows hostile cookie names as text, never as markup', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 60 }), fc.constantFrom('<img src=x onerror=alert(1)>', '<b>gras</b>', '{@html x}'), (junk, markup) => {
        const name = `${junk}${markup}`;
        const { container, unmount } = render(ReportView, { result: reportOf([cookie({ name })]) });
        expect(container.querySelector('img, b, script')).toBeNull();
        expect(container.querySelector('code.name')?.textContent).toBe(name === '' ? '(sans nom)' : name);
        unmount();
      }),
      { numRuns: 60 },
    );
    // Sixty whole reports, each row with its details: more than the default 5 s on a busy machine.
  }, 30_000);
});

describe('the first lines and the rows’ details', () => {
  it('says the verdict in one line with the real counts', () => {
    render(ReportView, { result: reportOf() });
    expect(document.querySelector('.verdict')).toHaveTextContent(/^7 cookies : 4 déclarés, 3 non déclarés · \d+ constats?$/);
  });

  it('says the recorded choice in a few words, functional cookies left out', () => {
    const value = encodeURIComponent('{"functional_cookies":true,"ga":false,"matomo":true,"timestamp":1764926000000}');
    render(ReportView, { result: reportOf(portalJar(), { value, session: false, expirationDate: 1780000000 }) });
    expect(document.querySelector('.consent-line')).toHaveTextContent('Votre choix : Google Analytics refusé, Matomo accepté, le 5 décembre');
  });

  it('folds each row’s details behind one button, still in the row’s text, and opens them', async () => {
    render(ReportView, { result: reportOf() });
    await detailsLoaded();
    const row = rowOf('sessionid');
    const button = within(row).getByRole('button');
    const details = document.getElementById(button.getAttribute('aria-controls')!)!;
    expect(row).toContainElement(details);
    expect(button).toHaveAttribute('aria-expanded', 'false');
    // Folded: out of sight and out of reach, yet the row's text.
    const inert = () => (details as HTMLElement & { inert?: boolean }).inert === true || details.hasAttribute('inert');
    expect(inert()).toBe(true);
    expect(details).toHaveClass('visually-hidden');
    expect(row).toHaveTextContent(/Durée : \d/);
    expect(row).toHaveTextContent('Domaine et chemin : data.issy.com/');
    await fireEvent.click(button);
    expect(button).toHaveAttribute('aria-expanded', 'true');
    expect(inert()).toBe(false);
    expect(details).not.toHaveClass('visually-hidden');
    await fireEvent.click(button);
    expect(button).toHaveAttribute('aria-expanded', 'false');
  });

  it('says how many findings a row has on its first lines, and the findings with their rule and source in its details', async () => {
    render(ReportView, { result: reportOf() });
    await detailsLoaded();
    const row = rowOf('_ga');
    const button = within(row).getByRole('button');
    const count = button.querySelector('.count');
    const shown = row.querySelectorAll('.details .findings > li').length;
    expect(shown).toBeGreaterThan(0);
    expect(count).toHaveTextContent(shown === 1 ? '1 constat' : `${shown} constats`);
    expect(row.querySelector('.details .findings')).toHaveTextContent('Source :');
  });
});

describe('a full jar in the popup', () => {
  const many = () => [...portalJar(), ...Array.from({ length: 40 }, (_, i) => cookie({ name: `tracker_${i}` }))];

  it('renders the rows that can be in view at once, and every row right after', async () => {
    const result = reportOf(many());
    render(ReportView, { result });
    const first = document.querySelectorAll('li.cookie').length;
    expect(first).toBeGreaterThanOrEqual(Math.ceil(600 / 36));
    expect(first).toBeLessThan(47);
    // The totals and each list's count are those of the whole report from the start.
    expect(screen.getByText(/47 cookies/)).toBeInTheDocument();
    const undeclared = result.state === 'report' ? result.report.cookies.filter((c) => !c.declared).length : 0;
    expect(screen.getByRole('heading', { name: `Non déclarés dans la charte (${undeclared})` })).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: `Déclarés (${47 - undeclared}) sous «\u00a0${UNDER}\u00a0»` })).toBeInTheDocument();
    await waitFor(() => expect(document.querySelectorAll('li.cookie')).toHaveLength(47));
  });

  it('filters rows by name', async () => {
    render(ReportView, { result: reportOf(many()) });
    await waitFor(() => expect(document.querySelectorAll('li.cookie')).toHaveLength(47));
    await fireEvent.input(screen.getByRole('searchbox'), { target: { value: 'tracker_1' } });
    const rows = document.querySelectorAll('li.cookie');
    expect([...rows].map((r) => r.querySelector('code')!.textContent)).toEqual(
      expect.arrayContaining(['tracker_1', 'tracker_10', 'tracker_19']),
    );
    expect(rows).toHaveLength(11);
  });

  it('filters rows by category, and says when nothing matches', async () => {
    render(ReportView, { result: reportOf(many()) });
    await fireEvent.change(screen.getByRole('combobox', { name: 'Catégorie' }), { target: { value: 'necessary' } });
    expect(document.querySelectorAll('li.cookie')).toHaveLength(4);
    await fireEvent.input(screen.getByRole('searchbox'), { target: { value: 'zzz' } });
    expect(screen.getByText('Aucun cookie ne correspond à ce filtre.')).toBeInTheDocument();
  });
});

describe('the popup’s structure', () => {
  it.each([
    [{ state: 'not-covered', host: 'example.org' }, 'Ce site n’est pas couvert par Témoin.'],
    [{ state: 'not-covered', host: 'opendata.ville-exemple.fr', portal: { permission: '*://*.ville-exemple.fr/*' } }, 'opendata.ville-exemple.fr est un portail Opendatasoft.'],
    [{ state: 'error', message: 'L’onglet n’existe plus (il a peut-être été fermé).' }, 'Témoin n’a pas pu lire les cookies de cet onglet.'],
  ] as const)('has a heading in every state: %j', async (result, heading) => {
    render(ReportView, { result: result as ReportResult });
    expect(await screen.findByRole('heading', { level: 1 })).toHaveTextContent(heading);
  });

  it('shows the charter’s words under the charter’s language', async () => {
    const english = reportOf();
    if (english.state !== 'report') throw new Error('a report');
    english.report.charter.lang = 'en';
    render(ReportView, { result: english });
    await detailsLoaded();
    const provider = rowOf('sessionid').querySelector('.provider')!;
    expect(provider).toHaveAttribute('lang', 'en');
    expect(rowOf('sessionid').querySelector('.purpose')).toHaveAttribute('lang', 'en');
    // Témoin's own words stay French.
    expect(rowOf('sessionid').querySelector('.facts')!.closest('[lang]')).toBeNull();
  });

  it('says each attribute’s meaning in words, not only in a tooltip', async () => {
    const { container } = render(ReportView, { result: reportOf() });
    await detailsLoaded();
    expect(container.querySelector('[title]')).toBeNull();
    expect(rowOf('sessionid')).toHaveTextContent('HttpOnly : invisible pour les scripts de la page');
    expect(rowOf('_ga')).toHaveTextContent('Domaine et chemin : .issy.com/');
  });

  it('labels the filter fields with visible words', async () => {
    const many = [...portalJar(), ...Array.from({ length: 10 }, (_, i) => cookie({ name: `t_${i}` }))];
    render(ReportView, { result: reportOf(many) });
    expect(screen.getByRole('searchbox', { name: 'Nom du cookie contenant' })).toBeVisible();
    expect(screen.getByRole('combobox', { name: 'Catégorie' })).toBeVisible();
  });
});
