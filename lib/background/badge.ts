import { browser } from 'wxt/browser';
import { undeclaredCount } from '../audit/classify';
import { assess, jarOf } from '../audit/assess';
import type { StoredCookie } from '../cookies/model';
import { storeIdOfTab } from '../cookies/jar';
import { concernsSite } from '../cookies/scope';
import { registrableDomain } from '../cookies/site';
import { readSiteCookies } from '../cookies/read-site';
import { siteCookies } from './cookie-copy';
import { chosenCharter } from '../portals/charter';
import { portalOfTab, webAddress } from '../portals/tab';
import { t, tn } from '../i18n/messages';

// Firefox MV2 names it browserAction.
const action = browser.action ?? (browser as unknown as { browserAction: typeof browser.action }).browserAction;

/** The count of undeclared cookies the browser reports on a covered tab; a neutral mark when there is none. */
export async function updateBadge(tabId: number): Promise<void> {
  try {
    const { url, coverage } = await portalOfTab(tabId);
    if (!url || !coverage) {
      await action.setBadgeText({ tabId, text: '' });
      return;
    }
    // Without a charter read, the charter is empty: every cookie counts.
    const { charter } = await chosenCharter(coverage);
    const cookies = await readSiteCookies(url, await storeIdOfTab(tabId), siteCookies.cookiesOf);
    const classified = assess({ charter, ...jarOf(cookies, url), host: url.hostname, now: new Date() }).cookies;
    // The popup's totals show the same count (lib/audit/report.ts).
    const undeclared = undeclaredCount(classified).reported;
    await action.setBadgeText({ tabId, text: undeclared ? String(undeclared) : '✓' });
    await action.setBadgeBackgroundColor({ tabId, color: undeclared ? '#b3541e' : '#5b6475' });
    await action.setTitle({
      tabId,
      title: undeclared ? tn('badge.undeclared', undeclared) : t('badge.allDeclared'),
    });
  } catch {
    // The tab closed while it was being counted.
  }
}

/**
 * Counts again the tabs Témoin may see (it sees the URL of covered sites only); with `changed`,
 * only those whose site one of these cookies concerns, so browsing elsewhere costs nothing.
 */
export async function updateBadges(changed?: Pick<StoredCookie, 'domain' | 'partitionKey'>[]): Promise<void> {
  const tabs = await browser.tabs.query({});
  const concerned = (url: URL) => {
    const domain = registrableDomain(url.hostname);
    return !changed || changed.some((cookie) => concernsSite(cookie, domain));
  };
  const ids = tabs.filter((tab) => {
    const url = webAddress(tab.url);
    return tab.id !== undefined && url !== undefined && concerned(url);
  });
  await Promise.all(ids.map((tab) => updateBadge(tab.id!)));
}
