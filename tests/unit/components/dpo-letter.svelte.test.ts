// @vitest-environment jsdom
/**
 * The popup's « Écrire au délégué à la protection des données »: the letter to read and edit, and
 * what the portal offers to reach its DPO (an address, a form, nothing); Témoin sends nothing.
 */
import { fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import DpoLetter from '@/components/DpoLetter.svelte';
import FirstVisit from '@/components/FirstVisit.svelte';
import { firstVisitReport } from '@/lib/first-visit/model';
import { withoutValue } from '@/lib/cookies/model';
import { issyCharter } from '@/lib/charter/issy';
import { mergeInventory } from '@/lib/cookies/inventory';
import { buildReport } from '@/lib/audit/report';
import { onMessage } from '@/lib/protocol';
import type { DpoSearch } from '@/lib/letter/validate-contact';
import { cookie, portalJar } from '../support/memory-cookies';

/** The tabs the letter asked the background to search for a DPO, answered here as the background would. */
const asked: number[] = [];
let answer: () => DpoSearch | Promise<DpoSearch>;
let stopAnswering: () => void;
beforeEach(() => {
  asked.length = 0;
  answer = () => ({ looked: [] });
  stopAnswering = onMessage('findDpoContact', ({ data }) => {
    asked.push(data);
    return answer();
  });
});
afterEach(() => stopAnswering());

const page = new URL('https://data.issy.com/');
const now = new Date('2026-12-07T09:42:00Z');
const reportOf = (jar = portalJar()) => buildReport({ charter: issyCharter, facts: mergeInventory(jar, [], page), pageUrl: page, now });
const status = { used: 'live' as const, warnings: [] };
const button = () => screen.getByRole('button', { name: 'Écrire au délégué à la protection des données' });

function open(search: DpoSearch | Promise<DpoSearch>) {
  answer = () => search;
  const onsave = vi.fn();
  render(DpoLetter, { source: { kind: 'report', report: reportOf(), status }, tabId: 7, onsave });
  return { onsave };
}

describe('writing to the DPO', () => {
  it('is not offered for a report without any finding', () => {
    const report = reportOf([cookie({ name: 'sessionid' }), cookie({ name: 'csrftoken' }), cookie({ name: 'django_language' }), cookie({ name: 'cookies_preferences' })]);
    render(DpoLetter, { source: { kind: 'report', report: { ...report, findings: [] }, status }, tabId: 7, onsave: () => {} });
    expect(screen.queryByRole('button', { name: 'Écrire au délégué à la protection des données' })).toBeNull();
  });

  it('drafts the letter to edit, says that Témoin sends nothing, and opens it in the mail program addressed to the DPO', async () => {
    open({ contact: { kind: 'email', address: 'dpo@ville.fr', foundOn: 'https://data.issy.com/pages/mentions-legales/' }, looked: [] });
    await fireEvent.click(button());
    expect(button()).toHaveAttribute('aria-expanded', 'true');
    const letter = (await screen.findByLabelText('Votre lettre (modifiable)')) as HTMLTextAreaElement;
    expect(letter.value).toContain('Le cookie «\u00a0_ga\u00a0», que la charte ne déclare pas, était présent le');
    expect(screen.getByText('Témoin n’envoie rien.')).toBeInTheDocument();
    expect(asked).toEqual([7]);
    const link = (await screen.findByRole('link', { name: 'Ouvrir la lettre dans ma messagerie' })) as HTMLAnchorElement;
    expect(link.getAttribute('href')).toMatch(/^mailto:dpo@ville\.fr\?subject=/);
    // The visitor's edits are what leaves.
    await fireEvent.input(letter, { target: { value: 'Madame, Monsieur, une question de ma part.' } });
    await waitFor(() => expect(decodeURIComponent(link.getAttribute('href')!.split('&body=')[1]!)).toBe('Madame, Monsieur, une question de ma part.'));
  });

  it('offers the portal’s form when that is how its DPO is reached', async () => {
    open({ contact: { kind: 'form', url: 'https://www.ville.fr/saisir-le-dpo', foundOn: 'https://data.issy.com/pages/mentions-legales/' }, looked: [] });
    await fireEvent.click(button());
    const form = await screen.findByRole('link', { name: 'ouvrir le formulaire (nouvel onglet)' });
    expect(form).toHaveAttribute('href', 'https://www.ville.fr/saisir-le-dpo');
    expect(screen.queryByRole('link', { name: 'Ouvrir la lettre dans ma messagerie' })).toBeNull();
    expect(screen.getByRole('button', { name: 'Copier la lettre' })).toBeInTheDocument();
  });

  it('says where it looked when the portal names no DPO, and leaves the letter to copy', async () => {
    open({ looked: ['https://data.issy.com/', 'https://data.issy.com/terms/privacy-policy/?flg=fr'] });
    await fireEvent.click(button());
    await screen.findByText(/Témoin n’a pas trouvé l’adresse du délégué dans les pages du portail qu’il a lues/);
    expect(screen.getAllByRole('listitem').map((li) => li.textContent)).toEqual(['https://data.issy.com/', 'https://data.issy.com/terms/privacy-policy/?flg=fr']);
    expect(screen.queryByRole('link', { name: 'Ouvrir la lettre dans ma messagerie' })).toBeNull();
  });

  it('says when the page did not answer', async () => {
    open({ looked: [], unanswered: true });
    await fireEvent.click(button());
    await screen.findByText(/La page du portail n’a pas répondu/);
  });

  it('leads to the CNIL’s complaint page and saves the dated report to attach', async () => {
    const { onsave } = open({ looked: [] });
    await fireEvent.click(button());
    expect(await screen.findByRole('link', { name: 'Adresser une plainte à la CNIL (nouvel onglet)' })).toHaveAttribute(
      'href',
      'https://www.cnil.fr/fr/adresser-une-plainte',
    );
    expect(screen.getByText(/temoin-data\.issy\.com-2026-12-07\.html/)).toBeInTheDocument();
    await fireEvent.click(screen.getByRole('button', { name: 'Enregistrer le rapport daté' }));
    expect(onsave).toHaveBeenCalledOnce();
  });

  it('is offered under a first-visit report, about what the portal set before any choice, dated', async () => {
    answer = () => ({ contact: { kind: 'email', address: 'dpo@ville.fr', foundOn: 'https://data.issy.com/' }, looked: [] });
    const test = firstVisitReport({
      charter: issyCharter,
      status,
      aside: { tabId: 3, site: 'data.issy.com', page: 'https://data.issy.com/', storeId: '0', seconds: 10, startedAt: now.getTime() },
      observed: [{ cookie: withoutValue(cookie({ name: '_gcl_au', value: 'SECRET-ADS' })), firstSetAt: now.getTime() + 2_000, lastChangedAt: now.getTime() + 2_000 }],
      endedAt: now.getTime() + 10_000,
    });
    render(FirstVisit, {
      status: { report: { ...test, restored: { cookies: 2, failed: [], storage: true } } },
      seconds: 10,
      onexport: () => {},
    });
    await fireEvent.click(button());
    const letter = (await screen.findByLabelText('Votre lettre (modifiable)')) as HTMLTextAreaElement;
    expect(letter.value).toMatch(/comme un premier visiteur/);
    expect(letter.value).toMatch(/Le cookie «\u00a0_gcl_au\u00a0», que la charte ne déclare pas, a été déposé le 7 décembre à \d\d:42/);
    expect(letter.value).not.toContain('SECRET');
    expect(asked).toEqual([3]);
    // Named apart from the report's own letter, which the same popup shows above it.
    expect(screen.getByRole('heading', { level: 3, name: 'Demander des explications au portail sur ce test' })).toBeInTheDocument();
  });
});
