import { namesFromDocumentCookie } from '@/lib/page-cookies';
import { onMessage } from '@/lib/messaging';

/** On a covered portal, answers with the cookie names the page's own script can read. */
export default defineContentScript({
  matches: ['*://data.issy.com/*'],
  runAt: 'document_idle',
  main() {
    onMessage('pageCookieNames', () => namesFromDocumentCookie(document.cookie));
  },
});
