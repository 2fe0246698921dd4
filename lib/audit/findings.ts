import { bareDomain } from '../cookies/model';
import type { ClassifiedCookie } from './classify';
import type { Charter } from '../charter/model';
import { durationSeconds } from '../charter/duration';
import type { ConsentRecord } from './consent-record';
import { needsConsent } from './knowledge/model';
import { longDate, lowerFirst, number } from '../i18n/format';
import { t, tn } from '../i18n/messages';
import { durationInWords } from './lifetime';
import { CONSENT_COOKIE } from '../cookies/platform';
import { registrableDomain } from '../cookies/site';
import { AUDIENCE_MAX_DAYS, CHOICE_MAX_DAYS, PLATFORM_RETENTION_FACTOR, TOLERANCE_DAYS, type Finding } from './rules';
import { retentionSeconds, retentionWords } from './knowledge/retention';
import { visibleName } from '../cookies/visible-name';
import { deceptiveNameFinding } from './deceptive-name';

const DAY = 86_400;

export interface FindingContext {
  nowSeconds: number;
  /** The portal's host name. */
  host: string;
  /** The visitor's recorded choice, when the consent cookie exists. */
  consent?: ConsentRecord;
}

function secondsLeft(c: ClassifiedCookie, nowSeconds: number): number | undefined {
  const { session, expirationDate } = c.cookie;
  return session || expirationDate === undefined ? undefined : expirationDate - nowSeconds;
}

function isAudience(c: ClassifiedCookie): boolean {
  return c.entry?.category === 'statistics' || c.guess?.kind === 'audience';
}

/**
 * A tracker the knowledge base says needs consent, which the charter does not present as
 * necessary or as exempt statistics.
 */
export function needsConsentHere(c: Pick<ClassifiedCookie, 'entry' | 'guess'>): boolean {
  const exemptByCharter = c.entry?.category === 'necessary' || c.entry?.category === 'statistics';
  return c.guess !== undefined && needsConsent(c.guess.kind) && !exemptByCharter;
}

/** Everything worth telling about one cookie, each finding naming its rule. */
export function cookieFindings(c: ClassifiedCookie, context: FindingContext): Finding[] {
  const findings: Finding[] = [];
  const left = secondsLeft(c, context.nowSeconds);
  const guess = c.guess;

  const { deceptive } = visibleName(c.cookie.name);
  if (deceptive) findings.push(deceptiveNameFinding(deceptive));

  if (!c.entry) {
    findings.push({
      rule: 'undeclared',
      text: guess ? t('finding.undeclared.probably', guess.provider, lowerFirst(guess.kindLabel)) : t('finding.undeclared.unknown'),
    });
  } else {
    const needsConsentByName = guess !== undefined && needsConsent(guess.kind);
    if (c.entry.category === 'necessary' && needsConsentByName) {
      findings.push({
        rule: 'category-differs',
        text: t('finding.categoryDiffers', lowerFirst(guess.kindLabel), guess.provider),
      });
    }
    const declared = c.entry.duration === undefined ? undefined : durationSeconds(c.entry.duration);
    if (declared && left !== undefined && left > declared + TOLERANCE_DAYS * DAY) {
      findings.push({ rule: 'lifetime-differs', text: t('finding.lifetimeDiffers', c.entry.duration ?? '', c.lifetime) });
    }
  }

  // The charter speaks for the site first: a cookie it declares is held to the charter's
  // duration, never to what its platform usually does (Opendatasoft keeps `django_language` a
  // year where Django's default is the session).
  const platformSays = c.entry ? undefined : platformRetentionFinding(c, left);
  if (platformSays) findings.push(platformSays);

  if (isAudience(c) && left !== undefined && left > (AUDIENCE_MAX_DAYS + TOLERANCE_DAYS) * DAY) {
    findings.push({
      rule: 'audience-over-13-months',
      // In days: « 13 mois » rounded would read as within the limit.
      text: t('finding.audienceOver13Months', number(Math.round(left / DAY)), number(AUDIENCE_MAX_DAYS)),
    });
  }

  if (c.cookie.name === CONSENT_COOKIE && context.consent?.state === 'readable' && context.consent.madeAt) {
    if (madeInFuture(context.consent.madeAt, context.nowSeconds)) {
      findings.push({
        rule: 'impossible-date',
        text: t('finding.impossibleDate', longDate(context.consent.madeAt)),
      });
    }
  }
  if (c.cookie.name === CONSENT_COOKIE && c.entry && context.consent?.state === 'readable') {
    const written = context.consent.madeAt ? Date.parse(context.consent.madeAt) / 1000 : undefined;
    // A date to come would shorten the time counted, and hide the finding: it is left out.
    const madeAt = written !== undefined && written <= context.nowSeconds + DAY ? written : undefined;
    const kept = left === undefined ? undefined : madeAt !== undefined ? left + (context.nowSeconds - madeAt) : left;
    if (kept !== undefined && kept > (CHOICE_MAX_DAYS + TOLERANCE_DAYS) * DAY) {
      findings.push({
        rule: 'choice-kept-over-6-months',
        text: t('finding.choiceKeptOver6Months', durationInWords(kept)),
      });
    }
  }

  if (guess && needsConsentHere(c)) {
    const consent = context.consent;
    const refused =
      consent?.state === 'readable' && guess.consentKey
        ? consent.choices.find((choice) => choice.key === guess.consentKey && !choice.accepted)
        : undefined;
    if (!consent) {
      findings.push({ rule: 'present-without-consent', text: t('finding.noChoice') });
    } else if (refused) {
      findings.push({ rule: 'present-without-consent', text: t('finding.refused', refused.label) });
    }
  }

  const domain = bareDomain(c.cookie.domain);
  if (registrableDomain(domain) !== registrableDomain(context.host)) {
    findings.push({ rule: 'third-party', text: t('finding.thirdParty.domain', domain) });
  } else if (c.entry?.party === 'third') {
    findings.push({ rule: 'third-party', text: t('finding.thirdParty.charter', c.entry.provider) });
  }
  if (c.cookie.partitionKey?.topLevelSite) {
    const site = c.cookie.partitionKey.topLevelSite;
    const text = c.cookie.partitionKey.hasCrossSiteAncestor ? t('finding.partitioned.frame', site) : t('finding.partitioned.site', site);
    findings.push({ rule: 'partitioned', text });
  }
  return findings;
}

/**
 * A cookie that lives far longer than its platform says it keeps it, by the Open Cookie
 * Database's retention: more than twice as long, and a day more (a session cookie that outlives
 * the session by more than a day). Information: the site may set it longer on purpose.
 */
function platformRetentionFinding(c: ClassifiedCookie, left: number | undefined): Finding | undefined {
  const ocd = c.guess?.ocd;
  const said = retentionSeconds(ocd?.retention);
  if (!ocd || said === undefined || left === undefined) return undefined;
  if (left <= PLATFORM_RETENTION_FACTOR * said + TOLERANCE_DAYS * DAY) return undefined;
  // In days beyond a day: « 2 ans » rounded would read as no more than double « 1 an ».
  const expires = left < DAY ? durationInWords(left) : tn('audit.unit.day', Math.round(left / DAY));
  return {
    rule: 'lifetime-exceeds-platform',
    text:
      said === 0
        ? t('finding.platform.session', ocd.platform, expires)
        : t('finding.platform.longer', ocd.platform, retentionWords(ocd.retention) ?? '', expires),
  };
}

/** Is a recorded date still to come (beyond a day of clock difference)? */
export function madeInFuture(iso: string, nowSeconds: number): boolean {
  return Date.parse(iso) / 1000 > nowSeconds + DAY;
}

/** What concerns the site as a whole: the declared cookies this browser does not hold. */
export function siteFindings(charter: Charter, cookies: ClassifiedCookie[]): Finding[] {
  const names = cookies.map((c) => c.cookie.name);
  const findings: Finding[] = [];
  for (const entry of charter.entries) {
    for (const pattern of entry.names) {
      const seen = 'exact' in pattern ? names.includes(pattern.exact) : names.some((n) => n.startsWith(pattern.prefix));
      if (seen) continue;
      const shown = 'exact' in pattern ? pattern.exact : `${pattern.prefix}*`;
      findings.push({ rule: 'declared-not-seen', text: t('finding.declaredNotSeen', shown) });
    }
  }
  return findings;
}
