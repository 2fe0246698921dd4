/**
 * A first-visit test whose page floods the jar: 1,200 cookies with names and paths as long as
 * the browser takes. The test must end with a report that fits Témoin's room and says what it
 * left out, a French message, and the visitor's cookies exactly as they were.
 */
import { describe, expect, it } from 'vitest';
import { engines } from './engines';
import { allCookies, clickButton, sortedJarToSecond, tabAt } from './harness';
import { useSession } from './session';

const PORTAL = 'https://data.issy.com/';
const ENGLISH = /\b(quota|exceeded|error|failed|undefined|storage|null)\b/i;

describe.each(engines)('a first-visit test on a page that floods the jar, in %s', (engine, launch) => {
  const session = useSession(launch);

  it('ends with a report that says what it kept and what it left out, in French, and the visitor’s cookies exactly back', async () => {
    const { browser, control, replica } = session;
    const portal = await browser.openPage(`${PORTAL}?consent=1`);
    await portal.goto(PORTAL, { waitUntil: 'load' });
    const before = sortedJarToSecond(await allCookies(control));
    expect(before.map((c) => c.name)).toEqual(expect.arrayContaining(['cookies_preferences', 'sessionid']));

    const popup = await browser.openExtensionPage(`popup.html?tabId=${await tabAt(control, PORTAL)}`);
    replica.setBehaviour('flood');
    await popup.bringToFront();
    await popup.waitForSelector('.first-visit select');
    await popup.select('.first-visit select', '20');
    await clickButton(popup, 'Tester une première visite');
    // The first visit's page floods the jar; the pages loaded again after the test do not.
    await portal.waitForFunction(() => document.title.includes('inondé'), { timeout: 60_000, polling: 200 });
    replica.setBehaviour('standard');
    const flooded = (await allCookies(control)).filter((c) => c.name.startsWith('_flood')).length;
    expect(flooded).toBeGreaterThan(100);

    const handle = await popup
      .waitForFunction(
        () => {
          if (document.querySelector('.first-visit progress')) return false;
          const text = document.querySelector('.first-visit')?.textContent?.replace(/\s+/g, ' ').trim();
          return text?.includes('Test du') || document.querySelector('.first-visit .error') ? text : false;
        },
        { timeout: 400_000, polling: 500 },
      )
      .catch(async (error: Error) => {
        throw new Error(`${error.message}; the popup shows: ${await popup.evaluate(() => document.body.innerText)}`);
      });
    const report = (await handle.jsonValue()) as string;
    console.log(`${engine}: ${flooded} flood cookies; the popup says: ${report.slice(0, 200)} … ${report.slice(-400)}`);
    expect(report).not.toMatch(ENGLISH);
    // What was recorded, and what was left out to fit.
    expect(report).toMatch(/\d+ cookies déposés avant tout choix/);
    // Numbers as French writes them, « 1 207 » (its narrow no-break space made a space above, as every space).
    expect(report).toMatch(/Rapport abrégé pour tenir dans la place que Témoin lui réserve : \d[\d ]* des \d[\d ]* cookies déposés y figurent, les \d[\d ]* autres n’y sont pas\./);
    expect(report).toContain('Vos cookies ont été remis en place');

    // The visitor's jar, exactly, once the page is loaded again.
    let now: ReturnType<typeof sortedJarToSecond> = [];
    for (const deadline = Date.now() + 30_000; Date.now() < deadline; await new Promise((r) => setTimeout(r, 200))) {
      now = sortedJarToSecond(await allCookies(control));
      if (JSON.stringify(now) === JSON.stringify(before)) break;
    }
    expect(now).toEqual(before);
  }, 600_000);
});
