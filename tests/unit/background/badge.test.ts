// @vitest-environment jsdom
/**
 * The toolbar badge and the popup count undeclared cookies alike: both classify the jar
 * (lib/audit/classify.ts) and count the undeclared cookies the browser reports; the popup says
 * apart the names only the page reported, which the badge cannot see.
 */
import { render, screen } from '@testing-library/svelte';
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import ReportView from '@/components/ReportView.svelte';
import { updateBadge } from '@/lib/background/badge';
import { siteCookies } from '@/lib/background/cookie-copy';
import { rowDetails } from '@/lib/ui/row-details.svelte';
import { buildReport } from '@/lib/audit/report';
import { issyCharter } from '@/lib/charter/issy';
import { mergeInventory } from '@/lib/cookies/inventory';
import type { StoredCookie } from '@/lib/cookies/model';
import { cookie, MemoryCookies, portalJar } from '../support/memory-cookies';

const page = new URL('https://data.issy.com/');
const TAB = 1;

// The rows drawn start loading their details (lib/ui/row-details.svelte.ts): the file waits for
// that import, which would otherwise end after the file's environment is gone when the code runs
// slower (instrumented for mutation testing) and fail the run as an unhandled rejection.
afterAll(() => rowDetails.load());

beforeEach(() => {
  fakeBrowser.reset();
  vi.restoreAllMocks();
  siteCookies.forget();
  vi.spyOn(fakeBrowser.tabs, 'get').mockResolvedValue({ id: TAB, url: page.href } as any);
});

async function badgeOf(jar: StoredCookie[]): Promise<string> {
  new MemoryCookies(jar).install();
  siteCookies.forget();
  await updateBadge(TAB);
  return fakeBrowser.action.getBadgeText({ tabId: TAB });
}

function popupOf(jar: StoredCookie[], pageNames: string[]) {
  const report = buildReport({ charter: issyCharter, facts: mergeInventory(jar, pageNames, page), pageUrl: page, now: new Date() });
  render(ReportView, { result: { state: 'report', report, charterStatus: { used: 'bundled' }, charterStale: false, pageRead: true } });
  return { report, totals: document.querySelector('.totals')!.textContent!.replace(/[ \t\n]+/g, ' ') };
}

describe('the badge and the popup', () => {
  it('give the same count of undeclared cookies for the same jar', async () => {
    const jar = [...portalJar(), cookie({ name: '_pk_id.1.a1b2' }), cookie({ name: 'AWSALB', domain: '.issy.com', hostOnly: false })];
    // The page reads every name it can, and one the browser does not report.
    const pageNames = ['csrftoken', 'django_language', '_ga', 'hidden_from_api'];
    const badge = await badgeOf(jar);
    const { report, totals } = popupOf(jar, pageNames);
    expect(badge).toBe('5');
    expect(report.undeclared).toEqual({ reported: 5, pageOnly: 1 });
    expect(totals).toContain(`${badge}\u00a0non déclarés (et 1\u00a0nom non déclaré vu par la page seulement)`);
    // The rows list every undeclared name, the page's one included.
    expect(screen.getByText('hidden_from_api', { selector: 'code' }).closest('li')).toHaveTextContent('Non déclaré');
  });

  it('agree on a jar with nothing undeclared: ✓ and « 0 non déclaré »', async () => {
    const jar = portalJar().filter((c) => ['sessionid', 'csrftoken', 'django_language', 'cookies_preferences'].includes(c.name));
    expect(await badgeOf(jar)).toBe('✓');
    expect(popupOf(jar, []).totals).toContain('0\u00a0non déclaré');
  });
});
