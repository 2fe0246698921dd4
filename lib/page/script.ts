import { readCharterInPage } from './charter';
import { opendatasoftApiAnswers } from './opendatasoft';
import { probePage, type PageProbe } from './probe';
import { PAGE_ENTRY, type PageEntry, type PageRequests } from './requests';
import { putPageStorage, takePageStorage } from './storage';

const answers: PageRequests = {
  readCharter: readCharterInPage,
  portalApiAnswers: opendatasoftApiAnswers,
  takeStorage: takePageStorage,
  putStorage: putPageStorage,
};

/**
 * The page script's work each time the background injects it: it (re)places its answering
 * function, the newest one, then returns what the page shows (lib/page/requests.ts).
 */
export function runPageScript(): PageProbe {
  const entry: PageEntry = (name, args) => (answers[name] as (...args: unknown[]) => ReturnType<PageRequests[typeof name]>)(...args);
  (globalThis as Record<string, unknown>)[PAGE_ENTRY] = entry;
  return probePage();
}
