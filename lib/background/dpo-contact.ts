import { charterRecord } from '../charter/records';
import { validateContactSearch, type DpoSearch } from '../letter/validate-contact';
import { findContactInTab } from '../page/inject';
import { portalOfTab } from '../portals/tab';
import { t } from '../i18n/messages';

/**
 * « Écrire au délégué à la protection des données »: whom to write to, looked for by the page
 * script in the portal's pages (lib/page/contact.ts), starting with the charter page read
 * before; its answer is checked here (lib/letter/validate-contact.ts).
 */
export async function findDpoContact(tabId: number): Promise<DpoSearch> {
  const { url, coverage } = await portalOfTab(tabId);
  if (!url || !coverage) throw new Error(t('error.notCoveredTab'));
  const charterUrl = (await charterRecord(coverage.site))?.live?.url;
  const answer = await findContactInTab(tabId, charterUrl || undefined);
  if (!answer.ok) return { looked: [], unanswered: true };
  return validateContactSearch(answer.value, url.origin);
}
