/** What the popup's first screen shows, at the toolbar popup's size. */
import type { Page } from 'puppeteer-core';
import { tabIdOf } from './harness';
import type { Session } from './session';

/** The cookies of the replica's usual visit of data.issy.com (server and page script, a choice recorded). */
export const USUAL_VISIT = ['_ga', '_hjSessionUser_3141', '_pk_id.1.a1b2', 'ods_embed', 'cookies_preferences', 'csrftoken', 'django_language', 'sessionid'];

/** The replica's usual visit, a choice recorded, then the popup on its tab at the toolbar popup's size, once its rows are there. */
export async function usualVisitPopup(session: Session): Promise<Page> {
  const portal = await session.browser.openPage('https://data.issy.com/?consent=1');
  await portal.goto('https://data.issy.com/', { waitUntil: 'load' });
  const popup = await session.browser.openExtensionPage(`popup.html?tabId=${await tabIdOf(session.control, 'https://data.issy.com/*')}`);
  await popup.setViewport({ width: 400, height: 600 });
  await popup.waitForFunction((n) => document.querySelectorAll('li.cookie').length === n, { timeout: 10_000 }, USUAL_VISIT.length);
  return popup;
}

/** What the first screen shows (`commands`: the commands' labels, in the language spoken): each element's text and whether it lies wholly within the window, unscrolled. */
export function firstScreen(page: Page, commands: string[]) {
  return page.evaluate((commands) => {
    const inView = (el: Element | null) => {
      if (!el) return false;
      const r = el.getBoundingClientRect();
      return r.width > 0 && r.top >= 0 && r.bottom <= innerHeight && r.right <= innerWidth;
    };
    const text = (el: Element | null) => (el as HTMLElement | null)?.innerText.replace(/\s+/g, ' ').trim() ?? '';
    /**
     * The purpose as a visitor reads it: its sentence (the last text of the row's purpose), and
     * how many of its characters are drawn, from its start, inside the box that cuts it, before
     * the ellipsis (which takes up to about a character's width at the end of the box).
     */
    const purposeShown = (li: Element) => {
      const box = li.querySelector('.purpose')!;
      const walker = document.createTreeWalker(box, NodeFilter.SHOW_TEXT);
      let node: Text | null = null;
      for (let n = walker.nextNode(); n; n = walker.nextNode()) if (n.textContent!.trim()) node = n as Text;
      const sentence = node!.textContent!;
      const clip = box.getBoundingClientRect();
      const ellipsis = parseFloat(getComputedStyle(box).fontSize);
      const range = document.createRange();
      let drawn = 0;
      for (; drawn < sentence.length; drawn++) {
        range.setStart(node!, drawn);
        range.setEnd(node!, drawn + 1);
        const r = range.getBoundingClientRect();
        const inside = r.top >= clip.top - 1 && r.bottom <= clip.bottom + 1 && r.left >= clip.left - 1 && r.right <= clip.right - ellipsis;
        if (!inside && sentence[drawn]!.trim()) break;
      }
      return { sentence: sentence.trim(), drawn };
    };
    const command = (label: string) => [...document.querySelectorAll('button, a')].find((el) => el.textContent!.replace(/\s+/g, ' ').trim().startsWith(label)) ?? null;
    return {
      scrolled: scrollY,
      height: innerHeight,
      verdict: { text: text(document.querySelector('.verdict')), inView: inView(document.querySelector('.verdict')) },
      consent: { text: text(document.querySelector('.consent-line')), inView: inView(document.querySelector('.consent-line')) },
      rows: [...document.querySelectorAll('li.cookie')].map((li) => ({
        name: li.querySelector('code.name')!.textContent,
        // The row's two lines, as shown (its folded details are out of sight).
        shown: text(li.querySelector('button')),
        inView: inView(li.querySelector('button')),
        purpose: purposeShown(li),
      })),
      commands: commands.map((label) => ({
        label,
        inView: inView(command(label)),
      })),
    };
  }, commands);
}
