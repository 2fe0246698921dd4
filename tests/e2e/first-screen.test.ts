/**
 * The popup's first screen at the toolbar popup's size (400 × 600), on the replica's usual
 * visit of data.issy.com (eight cookies, a recorded choice): without scrolling, the verdict with
 * its counts, the choice in a few words, every cookie with who sets it, its category and its
 * purpose, and the three commands; each row's details one keyboard activation away.
 */
import type { Page } from 'puppeteer-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { axeViolations } from './axe';
import { engines } from './engines';
import { firstScreen, USUAL_VISIT, usualVisitPopup } from './first-screen-view';
import { useSession } from './session';

describe.each(engines)('in %s', (_engine, launch) => {
  const session = useSession(launch);
  let popup: Page;

  beforeAll(async () => {
    popup = await usualVisitPopup(session);
  });

  it('shows the verdict, the choice, every cookie and the three commands without scrolling', async () => {
    const screen = await firstScreen(popup, ['Réinitialiser mes préférences cookies', 'Tester une première visite', 'Supprimer les cookies non essentiels']);
    expect(screen.scrolled).toBe(0);
    expect(screen.height).toBe(600);
    expect(screen.verdict).toEqual({ text: expect.stringMatching(/^8 cookies : 4 déclarés, 4 non déclarés · \d+ constats?$/), inView: true });
    expect(screen.consent).toEqual({ text: expect.stringMatching(/^Votre choix : Google Analytics accepté, Matomo refusé, le \d/), inView: true });
    expect(screen.rows.map((r) => r.name).sort()).toEqual([...USUAL_VISIT].sort());
    for (const row of screen.rows) expect(row, row.name!).toMatchObject({ inView: true });
    const shown = (name: string) => screen.rows.find((r) => r.name === name)!.shown;
    // The first line: the name, who sets it, its category (and how many findings); the purpose below.
    expect(shown('sessionid')).toMatch(/^sessionid Opendatasoft Nécessaire (\d+ constats? )?Se souvenir de l'utilisateur/);
    expect(shown('_pk_id.1.a1b2')).toMatch(/^_pk_id\.1\.a1b2 Non déclaré, probablement Matomo Mesure d’audience (\d+ constats? )?Garde un identifiant/);
    expect(shown('ods_embed')).toMatch(/^ods_embed Non déclaré Nature inconnue (partitionné )?(\d+ constats? )?La charte ne dit ni qui/);
    // Each purpose readable at a glance: its first 30 characters at least (a few words, enough to
    // tell one purpose from another), or all of it when shorter; cut only at the end of its line.
    for (const row of screen.rows) {
      expect(row.purpose.sentence.length, row.name!).toBeGreaterThan(0);
      expect(row.purpose.drawn, `${row.name}: « ${row.purpose.sentence.slice(0, row.purpose.drawn)} »`).toBeGreaterThanOrEqual(
        Math.min(30, row.purpose.sentence.length),
      );
    }
    for (const command of screen.commands) expect(command, command.label).toMatchObject({ inView: true });
  });

  it('opens a row’s details from the keyboard, in place, and folds them again', async () => {
    const row = async () =>
      popup.evaluate(() => {
        const li = [...document.querySelectorAll('li.cookie')].find((l) => l.querySelector('code.name')?.textContent === '_ga')!;
        const button = li.querySelector('button')!;
        const details = document.getElementById(button.getAttribute('aria-controls')!)!;
        return {
          expanded: button.getAttribute('aria-expanded'),
          focused: document.activeElement === button,
          detailsShown: details.checkVisibility() && details.getBoundingClientRect().height > 20,
          top: button.getBoundingClientRect().top,
          nextTop: li.nextElementSibling?.getBoundingClientRect().top ?? 0,
          text: (details as HTMLElement).innerText.replace(/\s+/g, ' '),
        };
      });
    for (let i = 0; i < 40 && !(await popup.evaluate(() => document.activeElement?.closest('li.cookie')?.querySelector('code.name')?.textContent === '_ga')); i++) {
      await popup.keyboard.press('Tab');
    }
    const before = await row();
    expect(before).toMatchObject({ expanded: 'false', focused: true, detailsShown: false });
    await popup.keyboard.press('Enter');
    const open = await row();
    expect(open).toMatchObject({ expanded: 'true', focused: true, detailsShown: true, top: before.top });
    expect(open.text).toMatch(/Durée : .+ Domaine et chemin : \.issy\.com\//);
    expect(open.text).toContain('Source :');
    // The rows below make way; nothing above moves.
    expect(open.nextTop).toBeGreaterThan(before.nextTop);
    expect(await axeViolations(popup)).toEqual([]);
    await popup.keyboard.press('Enter');
    expect(await row()).toMatchObject({ expanded: 'false', focused: true, detailsShown: false, top: before.top, nextTop: before.nextTop });
  });
});
