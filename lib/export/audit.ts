import type { CharterStatus } from '../charter/choose';
import { categoryLabels } from '../audit/categories';
import { rules } from '../audit/rules';
import type { Report } from '../audit/report';
import { partitionLabel } from '../cookies/model';
import { say } from '../i18n/said';
import { timelineLine } from '../timeline/line';

/** One cookie as the exported audit records it: facts, match and findings. */
export interface AuditCookie {
  name: string;
  value?: string;
  domain: string;
  path: string;
  hostOnly: boolean;
  secure: boolean;
  httpOnly: boolean;
  sameSite: string;
  expires: string | null;
  lifetime: string;
  partition: string | null;
  store: string;
  seenByPage: boolean;
  /** When the cookie was first set and last changed (ISO 8601), as Témoin saw it; null when it does not know. */
  setAt: string | null;
  changedAt: string | null;
  /** What Témoin says of when it appeared, in words. */
  appeared: string | null;
  declared: boolean;
  category: string;
  provider: string | null;
  service: string | null;
  purpose: string | null;
  probably: string | null;
  findings: { rule: string; text: string; source: string }[];
}

export interface Audit {
  generatedAt: string;
  site: string;
  page: string;
  charter: { used: CharterStatus['used']; url: string; date: string; why: string | null };
  consent: Report['consent'] | null;
  cookies: AuditCookie[];
  storage: { area: string; key: string; probably: string | null }[];
  /** Keys the page holds in all, listed or not. */
  storageTotal: number;
  findings: { rule: string; text: string; source: string }[];
}

function finding(f: { rule: keyof typeof rules; text: string }) {
  return { rule: f.rule, text: f.text, source: rules[f.rule].source.label };
}

/**
 * The report as a record to keep. Cookie values appear only when `values` is given (the visitor
 * asked for them), keyed by the report's cookie ids.
 */
export function auditOf(report: Report, status: CharterStatus, values?: Record<string, string>): Audit {
  // Kept as data (a failed reading's reason): said here, in the language of the export.
  const why = status.used === 'live' ? status.failed : status.why;
  return {
    generatedAt: report.generatedAt,
    site: report.site,
    page: report.pageUrl,
    charter: {
      used: status.used,
      url: report.charter.url,
      date: report.charter.fetchedAt,
      why: why === undefined ? null : say(why),
    },
    consent: report.consent ?? null,
    cookies: report.cookies.map(({ id, cookie, entry, guess, category, lifetime, findings, declared, timeline }) => ({
      name: cookie.name,
      ...(values && id in values && { value: values[id] }),
      domain: cookie.domain,
      path: cookie.path,
      hostOnly: cookie.hostOnly,
      secure: cookie.secure,
      httpOnly: cookie.httpOnly,
      sameSite: cookie.sameSite,
      expires: cookie.session || cookie.expirationDate === undefined ? null : new Date(cookie.expirationDate * 1000).toISOString(),
      lifetime,
      partition: partitionLabel(cookie.partitionKey).replace(/^partition /, '') || null,
      store: cookie.storeId,
      seenByPage: cookie.seenByPage,
      setAt: timeline?.known ? new Date(timeline.firstSetAt).toISOString() : null,
      changedAt: timeline?.known ? new Date(timeline.lastChangedAt).toISOString() : null,
      appeared: timeline ? timelineLine(timeline) : null,
      declared,
      category: categoryLabels[category],
      provider: entry?.provider ?? null,
      service: entry?.service ?? null,
      purpose: entry?.purpose ?? null,
      probably: guess ? `${guess.provider} (${guess.kindLabel})` : null,
      findings: findings.map(finding),
    })),
    storage: report.storage.map(({ area, key, guess }) => ({ area, key, probably: guess ? guess.provider : null })),
    storageTotal: report.storageTotal,
    findings: report.findings.map(finding),
  };
}
