/**
 * The letter a visitor may send the portal's data protection officer about what Témoin
 * witnessed: short, courteous, in French. Each finding becomes a question, never an accusation,
 * with its rule and its source; the letter says only what the visitor's report shows (names,
 * dates, rules), never a cookie's value. Pure: a plain description in, text out.
 */
import { rules, type Finding, type RuleId } from '../audit/rules';
import { frenchDate, frenchDateTime, frenchDayTime, NBSP } from '../french/format';

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
  'audience-over-13-months': `pouvez-vous indiquer comment sa durée est limitée à 13${NBSP}mois, condition pour qu’il soit exempté de consentement`,
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

/** « Règle : … Source : … (adresse). » */
function reference(rule: RuleId, charterUrl: string): string {
  const { title, source } = rules[rule];
  const url = source.url ?? (source.label === rules.undeclared.source.label && charterUrl ? charterUrl : undefined);
  return `Règle${NBSP}: ${inFirstPerson(title)}. Source${NBSP}: ${source.label}${url ? ` (${url})` : ''}.`;
}

function question(item: LetterItem, observedAt: string): string {
  const { rule, text } = item.finding;
  const when = frenchDayTime(item.at ?? observedAt);
  const ask = QUESTIONS[rule];
  if (!item.cookie) return `${capitalised(observation(text))}${NBSP}: ${ask}${NBSP}?`;
  const name = quoted(item.cookie);
  if (rule === 'undeclared') return `Le cookie ${name}, que la charte ne déclare pas, était présent le ${when}${NBSP}: ${ask}${NBSP}?`;
  return `Le cookie ${name} (relevé le ${when})${NBSP}: ${observation(text)}. ${capitalised(ask)}${NBSP}?`;
}

const capitalised = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** Where the charter compared with comes from, as a clause of the letter. */
function charterClause(charter: LetterInput['charter']): string {
  if (charter.used === 'live') {
    return `à sa charte cookies publiée (${charter.url}, lue le ${frenchDateTime(charter.fetchedAt)})`;
  }
  if (charter.used === 'bundled') {
    return `à sa charte cookies (${charter.url}), dans la copie datée du ${frenchDate(charter.fetchedAt)} que Témoin contient, la page publiée n’ayant pas pu être lue`;
  }
  return `à sa charte cookies, qui n’a pas pu être lue (${charter.why ?? 'raison inconnue'})`;
}

/** The letter for a report or a first-visit test. */
export function buildLetter(input: LetterInput): Letter {
  const when = frenchDateTime(input.observedAt);
  const observed = input.firstVisit
    ? `Le ${when}, j’ai ouvert la page ${input.page} comme un premier visiteur, sans cookie ni choix enregistré, et relevé pendant ${input.firstVisit.seconds}${NBSP}secondes, sans répondre au bandeau, ce que le portail ${input.site} déposait dans mon navigateur (avec l’extension Témoin)${NBSP}; je l’ai comparé ${charterClause(input.charter)}.`
    : `Le ${when}, j’ai relevé avec l’extension Témoin les cookies que le portail ${input.site} (page ${input.page}) avait déposés dans mon navigateur, et je les ai comparés ${charterClause(input.charter)}.`;
  const items = input.items.map((item, i) => `${i + 1}. ${question(item, input.observedAt)}\n${reference(item.finding.rule, input.charter.url)}`);
  const points = items.length === 1 ? 'le point suivant' : `les ${items.length}${NBSP}points suivants`;
  const paragraphs = [
    'Madame, Monsieur,',
    `${observed} Je vous remercie de bien vouloir m’éclairer, en votre qualité de délégué à la protection des données, sur ${points}.`,
    ...items,
    `L’article${NBSP}82 de la loi Informatique et Libertés soumet à mon consentement les traceurs qui ne sont pas strictement nécessaires${NBSP}; le RGPD me donne un droit d’accès, de rectification, d’effacement et d’opposition (articles${NBSP}15, 16, 17 et 21). Je vous remercie de me répondre dans le délai d’un mois prévu par son article${NBSP}12.`,
    'Je vous prie d’agréer, Madame, Monsieur, l’expression de mes salutations distinguées.',
    '[Votre nom]',
  ];
  return { subject: `Cookies du portail ${input.site}${NBSP}: demande d’information`, text: paragraphs.join('\n\n') };
}
