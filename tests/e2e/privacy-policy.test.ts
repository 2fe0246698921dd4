/**
 * The privacy policy, as a visitor reaches it: a link at the foot of the options page opens it
 * inside the extension, in French, with the text published in store/privacy-policy.fr.md, and
 * axe finds no violation there.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { axeViolations } from './axe';
import { pageEngines } from './engines';
import { waitForText } from './harness';
import { useSession } from './session';

// A page the renderer draws, with no background in it: Chromium and one Firefox build (see `pageEngines`).
describe.each(pageEngines)('in %s', (_engine, launch) => {
  const session = useSession(launch);

  it('opens from the options page, says what the published policy says, in French, with no axe violation', async () => {
    const options = await session.browser.openExtensionPage('options.html');
    await options.waitForSelector('footer a');
    const href = await options.evaluate(
      () => [...document.querySelectorAll('footer a')].find((a) => a.textContent!.trim() === 'Politique de confidentialité')?.getAttribute('href'),
    );
    expect(href).toBe('/privacy.html');
    await options.close();

    const policy = await session.browser.openExtensionPage('privacy.html');
    await waitForText(policy, 'Ce que Témoin garde, et combien de temps');
    const page = await policy.evaluate(() => ({
      lang: document.documentElement.lang,
      title: document.title,
      h1: document.querySelector('h1')?.textContent,
      sections: [...document.querySelectorAll('h2')].map((h) => h.textContent),
      items: document.querySelectorAll('li').length,
      text: document.body.innerText.replace(/\s+/g, ' '),
    }));
    expect(page.lang).toBe('fr');
    expect(page.title).toBe('Politique de confidentialité — Témoin');
    expect(page.h1).toBe('Politique de confidentialité de Témoin');
    const published = readFileSync('store/privacy-policy.fr.md', 'utf8');
    // Every section of the published text, in order, and its closing sentence.
    expect(page.sections).toEqual([...published.matchAll(/^## (.+)$/gm)].map((m) => m[1]));
    expect(page.items).toBe(published.split('\n').filter((line) => line.startsWith('- ')).length);
    expect(page.text).toContain('Témoin ne collecte aucune donnée');
    expect(page.text).toContain('sans vos cookies');
    expect(page.text).not.toMatch(/\*\*|`/); // the Markdown marks became elements

    const violations = await axeViolations(policy);
    expect(violations, JSON.stringify(violations, null, 2)).toEqual([]);
    await policy.close();
  });
});
