/**
 * What the letter says, taken from what the visitor was shown: the popup's report, or the
 * report of a first-visit test. Names as the report draws them, dates, findings; never a value.
 */
import type { CharterStatus } from '../charter/choose';
import type { ClassifiedCookie } from '../audit/classify';
import type { Report } from '../audit/report';
import { shownName } from '../cookies/visible-name';
import type { FirstVisitReport } from '../first-visit/model';
import { say } from '../i18n/said';
import type { LetterInput, LetterItem } from './letter';

function cookieItems(cookies: ClassifiedCookie[], dated: boolean): LetterItem[] {
  return cookies.flatMap((c) =>
    c.findings.map((finding) => ({
      finding,
      cookie: shownName(c.cookie.name),
      ...(dated && c.timeline?.known && { at: new Date(c.timeline.firstSetAt).toISOString() }),
    })),
  );
}

/** Undeclared cookies first (the report lists them so), then what concerns the whole site. */
export function letterOfReport(report: Report, status: CharterStatus): LetterInput {
  const undeclared = report.cookies.filter((c) => !c.declared);
  const declared = report.cookies.filter((c) => c.declared);
  return {
    site: report.site,
    page: report.pageUrl,
    observedAt: report.generatedAt,
    charter: {
      used: status.used,
      url: report.charter.url,
      fetchedAt: report.charter.fetchedAt,
      ...(status.used !== 'live' && status.why && { why: say(status.why) }),
    },
    items: [...cookieItems(undeclared, false), ...cookieItems(declared, false), ...report.findings.map((finding) => ({ finding }))],
  };
}

/** A first-visit test: each cookie dated when the portal set it, during the test. */
export function letterOfFirstVisit(report: FirstVisitReport): LetterInput {
  return {
    site: report.site,
    page: report.page,
    observedAt: report.startedAt,
    firstVisit: { seconds: report.seconds },
    charter: { used: report.charterUsed, url: report.charter.url, fetchedAt: report.charter.fetchedAt },
    items: cookieItems(report.cookies, true),
  };
}

/** How many findings a report holds, those of its cookies and those of the whole site. */
export function findingCount(report: Pick<Report, 'cookies'> & Partial<Pick<Report, 'findings'>>): number {
  return report.cookies.reduce((sum, c) => sum + c.findings.length, 0) + (report.findings?.length ?? 0);
}
