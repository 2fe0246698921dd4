/** What the popup's first screen shows, at the toolbar popup's size. */
import type { Page } from 'puppeteer-core';

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
