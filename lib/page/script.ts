import { readCharterInPage } from './charter';
import { findContactInPage } from './contact';
import { opendatasoftApiAnswers } from './opendatasoft';
import { probePage, type PageProbe } from './probe';
import { pageEntry, type PageEntry, type PageRequests } from './requests';
import { putPageSessionStorage, putPageStorage, takePageStorage } from './storage';

const answers: PageRequests = {
  probe: probePage,
  readCharter: readCharterInPage,
  findContact: findContactInPage,
  portalApiAnswers: opendatasoftApiAnswers,
  takeStorage: takePageStorage,
  putStorage: putPageStorage,
  putSessionStorage: putPageSessionStorage,
};

/**
 * The page script's work when the background injects it: it leaves its answering function under
 * the extension's version, then returns what the page shows (lib/page/requests.ts).
 */
export function runPageScript(version: string): PageProbe {
  const entry: PageEntry = (name, args) => (answers[name] as (...args: unknown[]) => ReturnType<PageRequests[typeof name]>)(...args);
  (globalThis as Record<string, unknown>)[pageEntry(version)] = entry;
  return probePage();
}
