/**
 * The two rules the CNIL checks first are about time (délibération 2020-091, lignes directrices
 * « cookies et autres traceurs », art. 82 of the loi Informatique et Libertés): a tracker that
 * needs consent may not be set before the visitor chose, and not after the visitor refused it.
 */
import type { ClassifiedCookie } from './classify';
import type { ConsentRecord } from './consent-record';
import type { StoredCookie } from '../cookies/model';
import { domainMatches } from '../cookies/scope';
import { CONSENT_COOKIE } from '../cookies/platform';
import { needsConsentHere } from './findings';
import { dayTime } from '../i18n/format';
import { t } from '../i18n/messages';
import type { Finding } from './rules';
import { entryOf, type CookieTimeline, type Timeline, type TimelineEntry } from '../cookies/timeline';

/**
 * The timeline's entry for the consent record: the present cookie's, or else the latest one
 * Témoin saw on this host in this store (removed since, by a reset).
 */
export function consentEntryOf(
  timeline: Timeline,
  present: Partial<StoredCookie> | undefined,
  host: string,
  storeId: string | undefined,
): TimelineEntry | undefined {
  if (present?.name !== undefined && present.domain !== undefined && present.storeId !== undefined) {
    return entryOf(timeline, present as StoredCookie);
  }
  return Object.values(timeline.entries)
    .filter((e) => e.name === CONSENT_COOKIE && e.storeId === (storeId ?? e.storeId) && domainMatches(host, { domain: e.domain, hostOnly: false }))
    .sort((a, b) => b.lastChangedAt - a.lastChangedAt)[0];
}

/** When the visitor's current choice was recorded, and what the timeline knows of past ones. */
export interface ChoiceTimes {
  /** The consent record as it is now, when there is one. */
  record?: ConsentRecord;
  /** When it was recorded (ms): seen by the timeline, or else the record's own timestamp. */
  madeAt?: number;
  /** A consent record Témoin saw removed (a reset), with when it existed. */
  previous?: Pick<TimelineEntry, 'lastChangedAt' | 'removedAt'>;
}

/**
 * The choice time: what Témoin saw is trusted over the timestamp the page wrote, and a
 * timestamp still to come is no date at all.
 */
export function choiceTimes(record: ConsentRecord | undefined, entry: TimelineEntry | undefined, nowMs = Date.now()): ChoiceTimes {
  const present = entry && entry.removedAt === undefined ? entry : undefined;
  const parsed = record?.state === 'readable' && record.madeAt ? Date.parse(record.madeAt) : undefined;
  const stamped = parsed !== undefined && parsed <= nowMs ? parsed : undefined;
  const madeAt = record ? (present?.lastChangedAt ?? stamped) : undefined;
  return {
    ...(record && { record }),
    ...(madeAt !== undefined && { madeAt }),
    ...(!record && entry?.removedAt !== undefined && { previous: { lastChangedAt: entry.lastChangedAt, removedAt: entry.removedAt } }),
  };
}

/** The tracker the record refuses for this cookie (« Matomo »), '' when it refuses every tracker. */
function refusalOf(c: ClassifiedCookie, record: ConsentRecord): string | undefined {
  if (record.state !== 'readable') return undefined;
  const key = c.guess?.consentKey;
  const own = key ? record.choices.find((choice) => choice.key === key) : undefined;
  if (own) return own.accepted ? undefined : own.label;
  const trackers = record.choices.filter((choice) => choice.key !== 'functional_cookies');
  return trackers.length > 0 && trackers.every((choice) => !choice.accepted) ? '' : undefined;
}

/** Findings about when a cookie was set, against the visitor's choice. Nothing when the timeline does not know. */
export function timelineFindings(c: ClassifiedCookie, timeline: CookieTimeline | undefined, choice: ChoiceTimes): Finding[] {
  if (!timeline?.known || timeline.setBy !== 'site' || !needsConsentHere(c)) return [];
  const { firstSetAt, lastChangedAt } = timeline;
  if (!choice.record) {
    const previous = choice.previous;
    const underPrevious = previous && firstSetAt >= previous.lastChangedAt && firstSetAt < previous.removedAt!;
    if (underPrevious) return [];
    return [{ rule: 'set-before-choice', text: t('finding.setBeforeChoice', dayTime(firstSetAt)) }];
  }
  if (choice.madeAt === undefined) return [];
  if (firstSetAt < choice.madeAt) {
    const findings: Finding[] = [
      { rule: 'set-before-choice', text: t('finding.setBeforeChoiceAt', dayTime(firstSetAt), dayTime(choice.madeAt)) },
    ];
    const refused = refusalOf(c, choice.record);
    if (refused !== undefined && lastChangedAt > choice.madeAt) {
      const text = refused
        ? t('finding.rewrittenAfterRefusal.tracker', dayTime(lastChangedAt), refused, dayTime(choice.madeAt))
        : t('finding.rewrittenAfterRefusal.all', dayTime(lastChangedAt), dayTime(choice.madeAt));
      findings.push({ rule: 'set-after-refusal', text });
    }
    return findings;
  }
  const refused = refusalOf(c, choice.record);
  if (refused === undefined) return [];
  const text = refused
    ? t('finding.setAfterRefusal.tracker', dayTime(firstSetAt), refused, dayTime(choice.madeAt))
    : t('finding.setAfterRefusal.all', dayTime(firstSetAt), dayTime(choice.madeAt));
  return [{ rule: 'set-after-refusal', text }];
}

