import { browser } from 'wxt/browser';
import { updateBadge, updateBadges } from '@/lib/background/badge';
import { siteCookies } from '@/lib/background/cookie-copy';
import { handlers } from '@/lib/background/handlers';
import { assertExtensionPage } from '@/lib/background/sender';
import { charterRecords } from '@/lib/charter/records';
import { onCookiesChanged } from '@/lib/cookie-jar';
import { onMessage } from '@/lib/messaging';
import { portals } from '@/lib/portals';

export default defineBackground(() => {
  for (const [name, handle] of Object.entries(handlers)) {
    onMessage(name as keyof typeof handlers, async ({ data, sender }) => {
      assertExtensionPage(sender);
      return (handle as (data: unknown) => Promise<never>)(data);
    });
  }

  // The badge: undeclared cookies per tab, counted when a page loads and when cookies change.
  browser.tabs.onUpdated.addListener((tabId, change) => {
    if (change.status === 'complete' || change.url) void updateBadge(tabId);
  });
  // Cookies change in bursts: one count per burst, for the sites the burst concerns.
  let timer: ReturnType<typeof setTimeout> | undefined;
  let changed: NonNullable<Parameters<typeof updateBadges>[0]> = [];
  onCookiesChanged((cookie, removed) => {
    siteCookies.changed(cookie, removed);
    changed.push(cookie);
    clearTimeout(timer);
    timer = setTimeout(() => {
      const burst = changed;
      changed = [];
      void updateBadges(burst);
    }, 300);
  });
  // A charter read again or a portal added or removed can change any count.
  charterRecords.watch(() => void updateBadges());
  portals.watch(() => void updateBadges());
});
