/**
 * The letter a visitor may send the portal's data protection officer about what Témoin
 * witnessed: short, courteous, in French. Each finding becomes a question, never an accusation,
 * with its rule and its source; the letter says only what the visitor's report shows (names,
 * dates, rules), never a cookie's value. Pure: a plain description in, text out.
 */
import { rules, type Finding, type RuleId } from '../audit/rules';
import { longDate, longDateTime, dayTime, NBSP } from '../i18n/format';

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
const QUESTIONS: Record<RuleId, string> = {
  undeclared: 'pouvez-vous indiquer sa finalité et l’ajouter à la charte',
  'category-differs': 'pouvez-vous confirmer sa finalité et la catégorie sous laquelle la charte le déclare',
  'lifetime-differs': 'pouvez-vous indiquer sa durée de conservation réelle et, si besoin, mettre la charte à jour',
  'lifetime-exceeds-platform': 'pouvez-vous indiquer pourquoi il est conservé plus longtemps que ne le prévoit son service',
  'audience-over-13-months': `pouvez-vous indiquer comment sa durée est ramenée à 13${NBSP}mois au plus`,
  'choice-kept-over-6-months': 'pouvez-vous indiquer au bout de combien de temps le portail redemande son choix au visiteur',
  'present-without-consent': 'pouvez-vous indiquer sur quel consentement repose son dépôt',
  'set-before-choice': 'pouvez-vous indiquer pourquoi il est déposé avant le choix du visiteur',
  'set-after-refusal': 'pouvez-vous indiquer pourquoi il est déposé malgré ce refus',
  'third-party': 'pouvez-vous indiquer qui le dépose et à quelle fin',
  partitioned: 'pouvez-vous indiquer quel service le dépose et à quelle fin',
  'declared-not-seen': 'est-il toujours utilisé, ou la charte peut-elle être mise à jour',
  'deceptive-name': 'pouvez-vous indiquer ce qu’est ce cookie et pourquoi son nom contient ces caractères',
  'impossible-date': 'pouvez-vous vérifier comment le portail date le choix qu’il enregistre',
};

/**
 * The report speaks to the visitor (« votre choix »); the letter speaks for them (« mon choix »).
 * What the report says of Témoin's own reckoning is left out.
 */
const FIRST_PERSON: [RegExp, string][] = [
  [/\bVotre choix\b/g, 'Mon choix'],
  [/\bvotre choix\b/g, 'mon choix'],
  [/\bvotre refus\b/g, 'mon refus'],
  [/\bvous ayez fait\b/g, 'j’aie fait'],
  [/\bce navigateur\b/g, 'mon navigateur'],
  [/\u00a0: Témoin ne s’y fie pas et compte la durée à partir d’aujourd’hui/g, ''],
];

export function inFirstPerson(text: string): string {
  return FIRST_PERSON.reduce((sentence, [pattern, replacement]) => sentence.replace(pattern, replacement), text);
}

/** A finding's sentence as the middle of the letter's: lower case first, its own colons as commas, no final stop. */
function observation(text: string): string {
  const sentence = inFirstPerson(text)
    .replace(/\u00a0[:;] /g, ', ')
    .replace(/\.$/, '');
  return sentence.charAt(0).toLowerCase() + sentence.slice(1);
}

const quoted = (name: string) => `«${NBSP}${name}${NBSP}»`;

/** « Non déclaré dans la charte (source : Charte cookies du site, adresse) ». */
function reference(rule: RuleId, charterUrl: string): string {
  const { title, source } = rules[rule];
  const url = source.url ?? (source.label === rules.undeclared.source.label && charterUrl ? charterUrl : undefined);
  return `${inFirstPerson(title)} (source${NBSP}: ${source.label}${url ? `, ${url}` : ''})`;
}

/** « Observation : question ? » */
function asked(finding: Finding): string {
  return `${capitalised(observation(finding.text))}${NBSP}: ${QUESTIONS[finding.rule]}${NBSP}?`;
}

/**
 * One point per cookie: when it was seen, then each of its findings as a question; a finding
 * about the whole site is a point of its own. The rules and sources follow on one line.
 */
function point(group: LetterItem[], observedAt: string, charterUrl: string): string {
  const [first] = group;
  const references = `${group.length === 1 ? 'Règle' : 'Règles'}${NBSP}: ${group.map((item) => reference(item.finding.rule, charterUrl)).join(`${NBSP}; `)}.`;
  if (!first!.cookie) return `${asked(first!.finding)}\n${references}`;
  const when = dayTime(first!.at ?? observedAt);
  // During a first-visit test, the date is when the portal set it; else when Témoin saw it.
  const seen = first!.at ? `a été déposé le ${when}` : `était présent le ${when}`;
  const undeclared = group.find((item) => item.finding.rule === 'undeclared');
  const lead = undeclared
    ? `Le cookie ${quoted(first!.cookie)}, que la charte ne déclare pas, ${seen}${NBSP}: ${QUESTIONS.undeclared}${NBSP}?`
    : `Le cookie ${quoted(first!.cookie)} ${seen}.`;
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
  if (charter.used === 'live') {
    return `à sa charte cookies (${charter.url}, lue le ${longDateTime(charter.fetchedAt)})`;
  }
  if (charter.used === 'bundled') {
    return `à sa charte cookies (${charter.url}), dans la copie datée du ${longDate(charter.fetchedAt)} que Témoin contient, la page publiée n’ayant pas pu être lue`;
  }
  return `à sa charte cookies, qui n’a pas pu être lue (${charter.why ?? 'raison inconnue'})`;
}

/** The letter for a report or a first-visit test. */
export function buildLetter(input: LetterInput): Letter {
  const when = longDateTime(input.observedAt);
  const observed = input.firstVisit
    ? `Le ${when}, j’ai ouvert la page ${input.page} comme un premier visiteur, sans cookie ni choix enregistré, et l’extension Témoin a relevé pendant ${input.firstVisit.seconds}${NBSP}secondes, sans réponse au bandeau, ce que le portail ${input.site} déposait dans mon navigateur${NBSP}; elle l’a comparé ${charterClause(input.charter)}.`
    : `Le ${when}, l’extension Témoin a relevé dans mon navigateur les cookies du portail ${input.site} et les a comparés ${charterClause(input.charter)}.`;
  const items = byCookie(input.items).map((group, i) => `${i + 1}. ${point(group, input.observedAt, input.charter.url)}`);
  const points = items.length === 1 ? 'le point suivant' : `les ${items.length}${NBSP}points suivants`;
  const paragraphs = [
    'Madame, Monsieur,',
    `${observed} En votre qualité de délégué à la protection des données, pourriez-vous m’éclairer sur ${points}${NBSP}?`,
    ...items,
    `La loi Informatique et Libertés (article${NBSP}82) soumet à mon consentement les traceurs non strictement nécessaires${NBSP}; le RGPD me donne un droit d’accès, de rectification, d’effacement et d’opposition (articles${NBSP}15 à 17 et 21). Je vous remercie de me répondre dans le délai d’un mois prévu par son article${NBSP}12.`,
    'Veuillez agréer, Madame, Monsieur, mes salutations distinguées.',
    '[Votre nom]',
  ];
  return { subject: `Cookies du portail ${input.site}${NBSP}: demande d’information`, text: paragraphs.join('\n\n') };
}
