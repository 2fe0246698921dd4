import { browser } from 'wxt/browser';
import { updateAllBadges, updateBadge } from '@/lib/background/badge';
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
  let timer: ReturnType<typeof setTimeout> | undefined;
  const later = () => {
    clearTimeout(timer);
    timer = setTimeout(() => void updateAllBadges(), 300);
  };
  onCookiesChanged(later);
  charterRecords.watch(later);
  portals.watch(later);
});
