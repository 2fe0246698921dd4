/**
 * The popup in an English browser, on the replica's usual visit of data.issy.com: Témoin speaks
 * English from the first word (the verdict, the recorded choice, the commands, the lists), while
 * the charter's own words stay French and say so (`lang="fr"`).
 */
import type { Page } from 'puppeteer-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { engines } from './engines';
import { firstScreen, usualVisitPopup } from './first-screen-view';
import { useSession } from './session';

describe.each(engines.filter(([name]) => name === 'chromium'))('in an English %s', (_engine, launch) => {
  const session = useSession(launch, { language: 'en' });
  let popup: Page;

  beforeAll(async () => {
    popup = await usualVisitPopup(session);
    // The rest of the report (timeline, recorded choice, storage) loads right after the first paint.
    await popup.waitForFunction(() => document.body.innerText.includes('Your recorded choice'), { timeout: 10_000 });
    // Each row's folded details, filled once the list is painted: what the popup says includes them.
    await popup.waitForFunction(() => [...document.querySelectorAll('li.cookie .details')].every((d) => d.childElementCount > 0), { timeout: 10_000 });
    if (process.env.POPUP_SCREENSHOT) await popup.screenshot({ path: process.env.POPUP_SCREENSHOT as `${string}.png` });
  });

  it('says the verdict, the choice and the commands in English', async () => {
    const shown = await popup.evaluate(() => ({
      lang: document.documentElement.lang,
      title: document.title,
      verdict: (document.querySelector('.verdict') as HTMLElement).innerText.trim(),
      consent: (document.querySelector('.consent-line') as HTMLElement).innerText.trim(),
      commands: [...document.querySelectorAll('.commands > :is(button, a)')].map((el) => el.textContent!.replace(/\s+/g, ' ').trim()),
      headings: [...document.querySelectorAll('h2')].map((h) => h.textContent!.replace(/\s+/g, ' ').trim()),
    }));
    expect(shown.lang).toBe('en');
    expect(shown.title).toBe('Témoin');
    expect(shown.verdict).toMatch(/^8 cookies: 4 declared, 4 undeclared · \d+ findings?$/);
    expect(shown.consent).toMatch(/^Your choice: Google Analytics accepted, Matomo refused, on (\d+ [A-Z][a-z]+|[A-Z][a-z]+ \d+)$/);
    expect(shown.commands).toEqual(['Reset my cookie preferences', 'Test a first visit', 'Clear non-essential cookies (settings page, new tab)']);
    expect(shown.headings).toContain('Your recorded choice');
  });

  it('shows every cookie with its purpose and the three commands in its first screen, as the French popup does', async () => {
    // Scrolled back to the top: the first screen as the popup opens.
    await popup.evaluate(() => scrollTo(0, 0));
    const screen = await firstScreen(popup, ['Reset my cookie preferences', 'Test a first visit', 'Clear non-essential cookies']);
    expect(screen).toMatchObject({ scrolled: 0, height: 600, verdict: { inView: true }, consent: { inView: true } });
    expect(screen.rows).toHaveLength(8);
    for (const row of screen.rows) {
      expect(row, row.name!).toMatchObject({ inView: true });
      expect(row.purpose.drawn, `${row.name}: « ${row.purpose.sentence.slice(0, row.purpose.drawn)} »`).toBeGreaterThanOrEqual(
        Math.min(30, row.purpose.sentence.length),
      );
    }
    for (const command of screen.commands) expect(command, command.label).toMatchObject({ inView: true });
  });

  it('leaves no French in what the popup itself says, the charter’s words marked as French', async () => {
    // What the popup's own components write (the findings, categories and exports come from elsewhere).
    const own = await popup.evaluate(() => {
      const parts = ['header', '.commands', '.list-title', 'li.cookie .who', 'li.cookie .tags', 'li.cookie dt', '.consent h2', '.consent .dates', '.time-strip', '#timeline-title', '.first-visit'];
      return parts.flatMap((selector) =>
        [...document.querySelectorAll(selector)].map((el) => {
          const copy = el.cloneNode(true) as HTMLElement;
          for (const quoted of copy.querySelectorAll('[lang="fr"]')) quoted.remove();
          return copy.textContent!.replace(/Témoin/g, '').replace(/\s+/g, ' ').trim();
        }),
      );
    });
    expect(own.length).toBeGreaterThan(30);
    for (const text of own) expect(text).not.toMatch(/[àâçéèêëîïôûùœ«»]|\b(cookies? (déposés?|non)|déclarés?|votre|charte|aucun|sous|lue?)\b/i);
    // The charter's words are there, each in an element that says its language.
    expect(await popup.$$eval('li.cookie [lang="fr"]', (els) => els.length)).toBeGreaterThan(0);
  });
});
