import { browser } from 'wxt/browser';
import { updateBadge, updateBadges } from '@/lib/background/badge';
import { siteCookies } from '@/lib/background/cookie-copy';
import { handlers } from '@/lib/background/handlers';
import { cookieTimeline } from '@/lib/timeline/cookie-timeline';
import { assertExtensionPage } from '@/lib/background/sender';
import { charterRecords } from '@/lib/charter/records';
import { readCharterIfDue } from '@/lib/background/charter-reading';
import { onCookiesChanged } from '@/lib/cookies/jar';
import { burst } from '@/lib/cookies/burst';
import type { StoredCookie } from '@/lib/cookies/model';
import { onMessage, type Handlers, type MessageName } from '@/lib/protocol';
import { queued, queueIdle } from '@/lib/actions/queue';
import { useLanguage } from '@/lib/i18n/language';
import { languageChoice } from '@/lib/i18n/language-choice';
import { endPrivateSessionIfOver } from '@/lib/background/private-session';
import { recoverInterrupted } from '@/lib/actions/undo-log';
import { pruneWithdrawn, watchCoverage } from '@/lib/portals/coverage';
import { takeOwnChange } from '@/lib/cookies/own-changes';
import { clearAtStartup, recordOpenTabs, tabChanged } from '@/lib/auto-clear/run';
import { journalItem } from '@/lib/auto-clear/settings';
import { signalChanges } from '@/lib/background/change-signal';
import { firstVisitCookieChanged, firstVisitTabRemoved, firstVisitTabUpdated, recoverFirstVisit, setAsideItem } from '@/lib/first-visit/run';

const isMessage = (name: string): name is MessageName => Object.hasOwn(handlers, name);

/** Answers one message of the protocol with its handler, for the extension's own pages only. */
function answer<Name extends MessageName>(name: Name, all: Handlers) {
  const handle = all[name];
  onMessage(name, ({ data, sender }) => {
    assertExtensionPage(sender);
    return handle(data, sender);
  });
}

export default defineBackground(() => {
  // What the background says (badge titles, reasons, exports) in the visitor's language (lib/i18n/).
  void useLanguage();
  // A language chosen on the options page: the badge titles say it at once, the rest from its next word.
  languageChoice.watch(() => void useLanguage().then(() => updateBadges()));
  for (const name of Object.keys(handlers).filter(isMessage)) answer(name, handlers);

  // A clear or reset cut short when the background last stopped: its entry is made true to the jar.
  void queued(recoverInterrupted);
  // The last private window closed: its cookies are gone, and no undo may bring them back into
  // the next private session.
  browser.windows.onRemoved.addListener(() => void endPrivateSessionIfOver());

  // A first-visit test stopped with the background: the visitor's cookies come back (lib/first-visit/).
  void recoverFirstVisit();
  browser.tabs.onRemoved.addListener((tabId) => {
    firstVisitTabRemoved(tabId);
    void tabChanged(tabId, undefined, true); // automatic clearing on closing the portal's last tab (lib/auto-clear/)
  });
  // Before any tab event is handled: the tabs open recorded, a recorded tab that is gone counted
  // as closed (its close may be what woke the background), clearings due taken up.
  void recordOpenTabs();
  browser.runtime.onStartup.addListener(() => void clearAtStartup());

  // The badge: undeclared cookies per tab, counted when a page loads and when cookies change.
  browser.tabs.onUpdated.addListener((tabId, change, tab) => {
    firstVisitTabUpdated(tabId, change.url, change.status, tab.url);
    // In the order the browser tells them: a later close must not be overtaken by this address.
    if (change.url || change.status === 'complete') void tabChanged(tabId, change.url ?? tab.url);
    if (change.status === 'complete' || change.url) void updateBadge(tabId);
    // A covered portal's charter is read again when due, in the page that loaded (lib/background/charter-reading.ts).
    if (change.status === 'complete') void readCharterIfDue(tabId, tab.url).catch(() => {});
  });
  // Cookies change in bursts: one count per burst, for the sites the burst concerns; a command
  // removing or restoring cookies one by one is one burst, counted once it is over.
  const badges = burst(300, (changed: StoredCookie[]) => void updateBadges(changed), queueIdle);
  // The pages learn of changes from the background alone (lib/changes.ts): each burst of the
  // site's changes, once any command under way is over; Témoin's own, once each is over (a page's
  // command: lib/background/handlers.ts; an automatic clearing, written in its journal; a
  // first-visit test setting cookies aside or putting them back).
  const pages = burst(300, (changed: StoredCookie[]) => void signalChanges(changed), queueIdle);
  journalItem.watch(() => void signalChanges(null));
  setAsideItem.watch(() => void signalChanges(null));
  const timeline = cookieTimeline();
  onCookiesChanged((cookie, removed, cause) => {
    siteCookies.changed(cookie, removed); // keeps the copy current (lib/background/cookie-copy.ts)
    const own = takeOwnChange(cookie, cause);
    timeline.changed(cookie, removed, cause, own); // when each cookie appeared (lib/timeline/)
    firstVisitCookieChanged(cookie, removed, own);
    badges.add(cookie);
    if (!own) pages.add(cookie);
  });
  // Without a site's permission the browser neither shows nor reports its cookies: the copies
  // are read again whenever a permission comes or goes. A portal whose permission is withdrawn
  // (in the browser's add-on manager, maybe while Témoin was off) leaves the covered portals.
  browser.permissions.onAdded.addListener(() => siteCookies.forget());
  browser.permissions.onRemoved.addListener(() => {
    siteCookies.forget();
    void pruneWithdrawn().catch(() => {}); // not saved: tried again next time; every question asks the browser anyway
  });
  void pruneWithdrawn().catch(() => {});
  // A charter read again or a portal added or removed can change any count.
  charterRecords.watch(() => void updateBadges());
  watchCoverage(() => {
    siteCookies.forget();
    void timeline.refreshDomains();
    void updateBadges();
  });
});
