/**
 * The letter a visitor may send the portal's data protection officer about what Témoin
 * witnessed: short, courteous, in the language Témoin speaks. Each finding becomes a question, never an accusation,
 * with its rule and its source; the letter says only what the visitor's report shows (names,
 * dates, rules), never a cookie's value. Pure: a plain description in, text out.
 */
import { rules, type Finding, type RuleId } from '../audit/rules';
import { longDate, longDateTime, dayTime } from '../i18n/format';
import { language, t, tn, type MessageKey } from '../i18n/messages';

/** One finding of the report, with the cookie it concerns (its name as the report shows it). */
export interface LetterItem {
  finding: Finding;
  /** The cookie's name as drawn in the report; absent for a finding about the whole site. */
  cookie?: string;
  /** When the cookie was seen (ISO 8601): set during a first-visit test, else the report's date. */
  at?: string;
}

export interface LetterInput {
  site: string;
  page: string;
  /** When the report was made (ISO 8601). */
  observedAt: string;
  /** The report is a first-visit test, of this many seconds. */
  firstVisit?: { seconds: number };
  charter: { used: 'live' | 'bundled' | 'none'; url: string; fetchedAt: string; why?: string };
  items: LetterItem[];
}

export interface Letter {
  subject: string;
  /** The whole letter, as the visitor reads and edits it: paragraphs apart by a blank line. */
  text: string;
}

/** The question each kind of finding asks. */
const QUESTIONS: Record<RuleId, MessageKey> = {
  undeclared: 'letter.question.undeclared',
  'category-differs': 'letter.question.categoryDiffers',
  'lifetime-differs': 'letter.question.lifetimeDiffers',
  'lifetime-exceeds-platform': 'letter.question.lifetimeExceedsPlatform',
  'audience-over-13-months': 'letter.question.audienceOver13Months',
  'choice-kept-over-6-months': 'letter.question.choiceKeptOver6Months',
  'present-without-consent': 'letter.question.presentWithoutConsent',
  'set-before-choice': 'letter.question.setBeforeChoice',
  'set-after-refusal': 'letter.question.setAfterRefusal',
  'third-party': 'letter.question.thirdParty',
  partitioned: 'letter.question.partitioned',
  'declared-not-seen': 'letter.question.declaredNotSeen',
  'deceptive-name': 'letter.question.deceptiveName',
  'impossible-date': 'letter.question.impossibleDate',
};

/**
 * The report speaks to the visitor (« votre choix », "your choice"); the letter speaks for them
 * (« mon choix », "my choice"). What the report says of Témoin's own reckoning is left out.
 */
const FIRST_PERSON: Record<'fr' | 'en', [RegExp, string][]> = {
  fr: [
    [/\bVotre choix\b/g, 'Mon choix'],
    [/\bvotre choix\b/g, 'mon choix'],
    [/\bvotre refus\b/g, 'mon refus'],
    [/\bvous ayez fait\b/g, 'j’aie fait'],
    [/\bce navigateur\b/g, 'mon navigateur'],
    [/\u00a0: Témoin ne s’y fie pas et compte la durée à partir d’aujourd’hui/g, ''],
  ],
  en: [
    [/\bYour\b/g, 'My'],
    [/\byour\b/g, 'my'],
    [/\byou had made\b/g, 'I had made'],
    [/\byou refused\b/g, 'I refused'],
    [/\bthis browser\b/g, 'my browser'],
    [/: Témoin does not trust it and counts the time from today/g, ''],
  ],
};

export function inFirstPerson(text: string): string {
  return FIRST_PERSON[language()].reduce((sentence, [pattern, replacement]) => sentence.replace(pattern, replacement), text);
}

/** A finding's sentence as the middle of the letter's: lower case first, its own colons as commas, no final stop. */
function observation(text: string): string {
  const sentence = inFirstPerson(text)
    .replace(/\u00a0?[:;] /g, ', ')
    .replace(/\.$/, '');
  return sentence.charAt(0).toLowerCase() + sentence.slice(1);
}

/** « Non déclaré dans la charte (source : Charte cookies du site, adresse) ». */
function reference(rule: RuleId, charterUrl: string): string {
  const { title, source } = rules[rule];
  const url = source.url ?? (source.label === rules.undeclared.source.label && charterUrl ? charterUrl : undefined);
  return url ? t('letter.referenceAt', inFirstPerson(title), source.label, url) : t('letter.reference', inFirstPerson(title), source.label);
}

/** « Observation : question ? » */
function asked(finding: Finding): string {
  return t('letter.asked', capitalised(observation(finding.text)), t(QUESTIONS[finding.rule]));
}

/**
 * One point per cookie: when it was seen, then each of its findings as a question; a finding
 * about the whole site is a point of its own. The rules and sources follow on one line.
 */
function point(group: LetterItem[], observedAt: string, charterUrl: string): string {
  const [first] = group;
  const references = tn(
    'letter.references',
    group.length,
    group.map((item) => reference(item.finding.rule, charterUrl)).join(t('letter.referenceJoin')),
  );
  if (!first!.cookie) return `${asked(first!.finding)}\n${references}`;
  const when = dayTime(first!.at ?? observedAt);
  // During a first-visit test, the date is when the portal set it; else when Témoin saw it.
  const set = first!.at !== undefined;
  const undeclared = group.find((item) => item.finding.rule === 'undeclared');
  const question = t(QUESTIONS.undeclared);
  const lead = undeclared
    ? set
      ? t('letter.lead.undeclaredSet', first!.cookie, when, question)
      : t('letter.lead.undeclaredPresent', first!.cookie, when, question)
    : set
      ? t('letter.lead.set', first!.cookie, when)
      : t('letter.lead.present', first!.cookie, when);
  const others = group.filter((item) => item !== undeclared).map((item) => asked(item.finding));
  return `${[lead, ...others].join(' ')}\n${references}`;
}

/** Consecutive findings of one cookie together. */
function byCookie(items: LetterItem[]): LetterItem[][] {
  const groups: LetterItem[][] = [];
  for (const item of items) {
    const last = groups.at(-1);
    if (item.cookie !== undefined && last?.[0]!.cookie === item.cookie && last[0]!.at === item.at) last.push(item);
    else groups.push([item]);
  }
  return groups;
}

const capitalised = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** Where the charter compared with comes from, as a clause of the letter. */
function charterClause(charter: LetterInput['charter']): string {
  if (charter.used === 'live') return t('letter.charter.live', charter.url, longDateTime(charter.fetchedAt));
  if (charter.used === 'bundled') return t('letter.charter.bundled', charter.url, longDate(charter.fetchedAt));
  return t('letter.charter.none', charter.why ?? t('letter.charter.unknown'));
}

/** The letter for a report or a first-visit test. */
export function buildLetter(input: LetterInput): Letter {
  const when = longDateTime(input.observedAt);
  const observed = input.firstVisit
    ? t('letter.observed.firstVisit', when, input.page, input.firstVisit.seconds, input.site, charterClause(input.charter))
    : t('letter.observed.report', when, input.site, charterClause(input.charter));
  const items = byCookie(input.items).map((group, i) => `${i + 1}. ${point(group, input.observedAt, input.charter.url)}`);
  const paragraphs = [
    t('letter.greeting'),
    t('letter.intro', observed, tn('letter.points', items.length)),
    ...items,
    t('letter.law'),
    t('letter.closing'),
    t('letter.signature'),
  ];
  return { subject: t('letter.subject', input.site), text: paragraphs.join('\n\n') };
}
