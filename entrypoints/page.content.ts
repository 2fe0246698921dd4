import { runPageScript } from '@/lib/page/script';
import { browser } from 'wxt/browser';

/**
 * The page script: what Témoin runs inside a portal page, only when the background injects it
 * (lib/page/inject.ts): when the visitor opens Témoin, and when the site's charter is due.
 */
export default defineContentScript({
  registration: 'runtime',
  // The page is not told that Témoin came (WXT would otherwise post a message to it).
  noScriptStartedPostMessage: true,
  main: () => runPageScript(browser.runtime.getManifest().version),
});
