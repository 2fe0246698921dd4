/**
 * The words charters use for what a cookie is for and who sets it, in French, English and
 * Spanish, and how a label (a heading, a caption, a cell, the words opening a paragraph) is read.
 *
 * Reading is cautious where it matters to clearing:
 * - a negation covers its whole phrase: "Non-essential (functional)", « non essentiels », "not
 *   strictly necessary", « no necesarias » are not necessary;
 * - "functional" / « fonctionnels » alone is `unclear` (some charters mean necessary, others
 *   remembered preferences); beside a necessary word it is necessary;
 * - a label naming necessary beside a kind that needs consent (« nécessaires et de mesure
 *   d'audience ») is `unclear`: the charter does not say which cookie is which;
 * - running text (not a label) may name a kind that needs consent, never necessary.
 */
import type { Category } from './model';
import { clip, collapse, fold, phraseAt, wordsOf } from './text';

type Kind = 'necessary' | 'functional' | 'preferences' | 'statistics' | 'advertising' | 'social' | 'optional';

const KIND_RULES: [Kind, string[]][] = [
  ['necessary', ['nécessaires', 'nécessaire', 'strictement nécessaires', 'essentiels', 'essentiel', 'essentielles', 'indispensables', 'techniques', 'necessary', 'strictly necessary', 'essential', 'technical', 'necesarias', 'necesarios', 'necesaria', 'técnicas', 'técnicos', 'esenciales', 'imprescindibles', 'estrictamente necesarias', 'exemptés de consentement', 'exempts de consentement', 'exempt from consent', 'exentas de consentimiento']],
  ['functional', ['fonctionnels', 'fonctionnel', 'fonctionnelles', 'functional', 'funcionales']],
  ['preferences', ['préférences', 'préférence', 'fonctionnalité', 'fonctionnalités', 'personnalisation', 'preferences', 'preference', 'functionality', 'personalisation', 'personalization', 'preferencias', 'personalización', 'funcionalidad']],
  ['statistics', ['statistiques', 'statistique', "mesure d'audience", 'mesure de fréquentation', 'mesurer', 'analytiques', 'analyse', 'performance', 'performances', 'analytics', 'analytical', 'statistics', 'statistical', 'measurement', 'measure', 'measuring', 'audience measurement', 'analíticas', 'analíticos', 'análisis', 'estadísticas', 'estadística', 'rendimiento', 'medición', 'medición de audiencia']],
  ['advertising', ['publicité', 'publicitaires', 'publicitaire', 'advertising', 'advertisement', 'marketing', 'ciblage', 'targeting', 'remarketing', 'publicidad', 'publicitarias', 'publicitarios']],
  // Embedded players and widgets: third-party content the page shows, not the portal's own.
  ['social', ['réseaux sociaux', 'social', 'social media', 'redes sociales', 'vidéos intégrées', 'contenus tiers', 'contenus intégrés', 'médias', 'média', 'embedded content', 'embedded videos', 'media', 'multimedia']],
  ['optional', ['unnecessary', 'nonessential', 'soumis à consentement', 'soumis à votre consentement', 'subject to consent', 'subject to your consent', 'requiring consent', 'sujetas a consentimiento', 'optionnels', 'optionnel', 'facultatifs', 'optional', 'opcionales', 'opcional']],
];

/** « non nécessaires », "not essential", "Non-essential", « no necesarias », « ne sont pas nécessaires ». */
const NEGATIONS = new Set(['non', 'not', 'no', 'pa', 'sin', 'without']);
/** How many words after it a negation covers: "Non-essential (functional)", « ne sont pas strictement nécessaires ». */
const NEGATION_REACH = 3;

/**
 * Who sets the cookies: not what they are for. "Third-party cookies" says nothing of whether they
 * are necessary; the entry is flagged third party and keeps the category named elsewhere.
 */
const PARTY_RULES: ['first' | 'third', string[]][] = [
  ['third', ['tiers', 'third party', 'third parties', 'terceros', 'tercero', 'terceras', 'de tercera parte', 'tierce partie']],
  ['first', ['internes', 'interne', 'propriétaires', 'propres', 'first party', 'own cookies', 'propias', 'propios', 'de origen', 'primera parte']],
];

/** Phrases as words, longer first, so "strictly necessary" is one hit and "social media" another. */
const compile = <T>(rules: [T, string[]][]): [T, string[][]][] =>
  rules.map(([key, phrases]) => [key, phrases.map(wordsOf).sort((a, b) => b.length - a.length)]);
const KINDS = compile(KIND_RULES);
const PARTIES = compile(PARTY_RULES);

interface Hit {
  kind: Kind;
  at: number;
  negated: boolean;
}

/** Phrases by their first word, longer first: a text is scanned once, whatever the vocabulary's size. */
const BY_FIRST_WORD = new Map<string, [Kind, string[]][]>();
for (const [kind, phrases] of KINDS) {
  for (const phrase of phrases) {
    const list = BY_FIRST_WORD.get(phrase[0]!) ?? [];
    list.push([kind, phrase]);
    BY_FIRST_WORD.set(phrase[0]!, list);
  }
}
for (const list of BY_FIRST_WORD.values()) list.sort((a, b) => b[1].length - a[1].length);

/** Every kind a text names, in order, each with whether a negation just before it covers it. */
function hitsIn(words: string[]): Hit[] {
  const hits: Hit[] = [];
  let lastNegation = -Infinity;
  for (let at = 0; at < words.length; at++) {
    const word = words[at]!;
    if (NEGATIONS.has(word)) lastNegation = at;
    const found = BY_FIRST_WORD.get(word)?.find(([, phrase]) => phrase.every((w, j) => words[at + j] === w));
    if (!found) continue;
    hits.push({ kind: found[0], at, negated: at - lastNegation <= NEGATION_REACH });
    at += found[1].length - 1;
  }
  return hits;
}

const CONSENT_KINDS: Kind[] = ['preferences', 'statistics', 'advertising', 'social', 'optional'];
const asCategory = (kind: Kind): Category => (kind === 'optional' ? 'non-essential' : (kind as Category));

/** Whether a text says "necessary" (or essential, technical…) without a negation covering it. */
export function saysNecessary(text: string): boolean {
  return hitsIn(wordsOf(text)).some((h) => h.kind === 'necessary' && !h.negated);
}

/** The category a label names, if it names one. */
export function categoryOf(text: string): Category | undefined {
  const hits = hitsIn(wordsOf(text));
  const necessary = hits.some((h) => h.kind === 'necessary' && !h.negated);
  const functional = hits.some((h) => h.kind === 'functional' && !h.negated);
  const negated = hits.some((h) => (h.kind === 'necessary' || h.kind === 'functional') && h.negated);
  // A consent kind named in a negated phrase ("no analytics") is not what the label declares.
  const consent = hits.find((h) => CONSENT_KINDS.includes(h.kind) && !h.negated);
  const strongConsent = hits.some((h) => CONSENT_KINDS.includes(h.kind) && h.kind !== 'preferences' && !h.negated);
  if (necessary) return strongConsent ? 'unclear' : 'necessary';
  // "Functional cookies (optional)": remembered choices the page says it can do without.
  if (functional) return hits.some((h) => h.kind === 'optional' && !h.negated) && !strongConsentBesidesOptional(hits) ? 'preferences' : 'unclear';
  if (consent) return asCategory(consent.kind);
  if (negated) return 'non-essential';
  return undefined;
}

function strongConsentBesidesOptional(hits: Hit[]): boolean {
  return hits.some((h) => (h.kind === 'statistics' || h.kind === 'advertising' || h.kind === 'social') && !h.negated);
}

/**
 * Words prose uses in passing, for what a site does rather than what a cookie is for: "the
 * quality or functionality of the website", "its performance", "your preferences", "measures".
 * In a label they name a kind; in running text they name none.
 */
const IN_PASSING = new Set(['preferences', 'preference', 'préférences', 'préférence', 'fonctionnalité', 'fonctionnalités', 'functionality', 'personnalisation', 'personalisation', 'personalization', 'preferencias', 'personalización', 'funcionalidad', 'performance', 'performances', 'rendimiento', 'measure', 'measuring', 'mesurer', 'analyse', 'análisis', 'media', 'médias', 'média', 'multimedia', 'social'].map((w) => wordsOf(w).join(' ')));

/**
 * The kind running text (a paragraph, not a label) speaks of, when it speaks of one kind that
 * needs consent more than of any other, and of nothing necessary: "we use Google Analytics to…".
 * Words used in passing (IN_PASSING) are not counted.
 */
export function runningCategory(text: string): { category: Category; count: number } | undefined {
  const words = wordsOf(text);
  const hits = hitsIn(words).filter((h) => !h.negated);
  if (hits.some((h) => h.kind === 'necessary' || h.kind === 'functional')) return undefined;
  const counts = new Map<Kind, number>();
  for (const h of hits) {
    if (!CONSENT_KINDS.includes(h.kind)) continue;
    // "Preference cookies", « cookies de personnalisation »: a kind of cookie, not a word in passing.
    const qualifies = [h.at + 1, h.at - 1, h.at - 2].some((at) => words[at] === 'cookie' || words[at] === 'temoin' || words[at] === 'traceur');
    if (!IN_PASSING.has(words[h.at]!) || qualifies) counts.set(h.kind, (counts.get(h.kind) ?? 0) + 1);
  }
  const ranked = [...counts].sort((a, b) => b[1] - a[1]);
  if (ranked.length === 0 || (ranked.length > 1 && ranked[0]![1] === ranked[1]![1])) return undefined;
  return { category: asCategory(ranked[0]![0]), count: ranked[0]![1] };
}

/** Who sets the cookies a label speaks of, if it says. */
export function partyOf(text: string): 'first' | 'third' | undefined {
  const words = wordsOf(text);
  return PARTIES.find(([, phrases]) => phrases.some((phrase) => phraseAt(words, phrase) >= 0))?.[0];
}

/** What a label (heading, caption, title row, cell) says of the cookies under it. */
export interface Label {
  category?: Category;
  party?: 'first' | 'third';
  /** The label as written, when it names a category or a party. */
  text?: string;
}

export const MAX_LABEL_CHARS = 300;
/** One token written as code: an underscore, or a capital inside lower case. */
const CODE_TOKEN = /^[^\s]*(?:_|[a-z][A-Z])[^\s]*$/;

export function labelOf(text: string): Label {
  // `ads_prefs`, `analyticsConsent`: a cookie's name, however many kind words it holds.
  if (CODE_TOKEN.test(text.trim())) return {};
  const category = categoryOf(text);
  const party = partyOf(text);
  return category || party ? { ...(category && { category }), ...(party && { party }), text: clip(collapse(text), MAX_LABEL_CHARS) } : {};
}

/** Yes / no cells of a "Strictly necessary?" column. */
export function yesNo(text: string): boolean | undefined {
  const first = fold(text).split(/[^a-z]+/).find(Boolean);
  if (first === 'yes' || first === 'oui' || first === 'si' || first === 'true' || first === 'required' || first === 'obligatoire') return true;
  // Exempt from consent: « Exenta », « Exempté », "Exempt".
  if (first === 'exenta' || first === 'exento' || first === 'exempt' || first === 'exempte' || first === 'exemptee') return true;
  if (first === 'no' || first === 'non' || first === 'false' || first === 'optional' || first === 'optionnel' || first === 'opcional') return false;
  return undefined;
}

/** A word about cookies (cookie, témoin, traceur, galleta), in a heading, an introduction or a description. */
export const ABOUT_COOKIES = /cookie|t[ée]moin|traceur|tracker|galleta/i;
/** Browser storage that is no cookie, named by a page: local storage, session storage, IndexedDB. */
export const STORAGE = /local ?storage|session ?storage|stockage local|stockage de session|almacenamiento local|indexeddb|web storage/i;

/** Providers and tools: named above a table, they give its rows a provider; in a name cell, they are no name. */
export const KNOWN_PROVIDERS = ['Opendatasoft', 'Huwise', 'Google Analytics', 'Google Tag Manager', 'Google', 'Matomo', 'Piano Analytics', 'AT Internet', 'Xiti', 'Eulerian', 'HubSpot', 'YouTube', 'Vimeo', 'Dailymotion', 'Facebook', 'Meta', 'X (Twitter)', 'Twitter', 'LinkedIn', 'Hotjar', 'Microsoft Clarity', 'Axeptio', 'Didomi', 'tarteaucitron', 'Cookiebot', 'OneTrust', 'Cloudflare', 'Mapbox'];
const PROVIDER_WORDS = new Set(KNOWN_PROVIDERS.map(fold));

/** Words that name a kind of cookie or storage, not one cookie: « Session », "HTTP", "Pixel". */
const KIND_WORDS = new Set(['session', 'sessions', 'persistent', 'persistant', 'persistants', 'persistente', 'permanent', 'http', 'html', 'pixel', 'cookie', 'cookies', 'localstorage', 'sessionstorage', 'tracker', 'traceur', 'beacon', 'web beacon', 'sesion']);

/**
 * Whether a one-word name cell is a kind or a tool rather than a cookie's name: « Session »,
 * "Analytics", "Matomo". Only as written with a capital or in capitals: a cookie may well be
 * named `session` or `analytics` in lower case.
 */
export function isKindOrTool(token: string): boolean {
  if (token === token.toLowerCase()) return false;
  return isVocabularyWord(token);
}

/** Whether a word is one of the words above (a kind, a tool, a category, a party), in any case. */
export function isVocabularyWord(token: string): boolean {
  const folded = fold(token);
  if (KIND_WORDS.has(folded) || PROVIDER_WORDS.has(folded)) return true;
  if (/[_\d.]/.test(token)) return false;
  const words = wordsOf(token);
  if (words.length === 1) return ONE_WORD_LABELS.has(words[0]!);
  return words.length <= 3 && (categoryOf(token) !== undefined || partyOf(token) !== undefined);
}

/** Every one-word kind or party, as `wordsOf` gives it. */
const ONE_WORD_LABELS = new Set([...KINDS, ...PARTIES].flatMap(([, phrases]) => phrases.filter((p) => p.length === 1).map((p) => p[0]!)));
