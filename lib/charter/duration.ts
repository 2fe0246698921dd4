/**
 * A charter's duration column, as written (« 13 mois », "2 weeks by default", « 1 año »,
 * « fin de session »), in seconds, so it can be compared with a cookie's actual lifetime.
 */

const MINUTE = 60;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const MONTH = 30.436875 * DAY; // a Gregorian year's twelfth
const YEAR = 365.2425 * DAY;

/** Every spelling of a unit, French, English and Spanish, accents removed. */
const UNITS: [number, string[]][] = [
  [1, ['s', 'sec', 'seconde', 'secondes', 'second', 'seconds', 'segundo', 'segundos']],
  [MINUTE, ['min', 'mins', 'mn', 'minute', 'minutes', 'minuto', 'minutos']],
  [HOUR, ['h', 'hr', 'hrs', 'heure', 'heures', 'hour', 'hours', 'hora', 'horas']],
  [DAY, ['j', 'd', 'jour', 'jours', 'day', 'days', 'dia', 'dias']],
  [7 * DAY, ['sem', 'semaine', 'semaines', 'week', 'weeks', 'semana', 'semanas']],
  [MONTH, ['mois', 'month', 'months', 'mes', 'meses']],
  // Not "y": in Spanish it means "and" (« 1 y 2 años »).
  [YEAR, ['an', 'ans', 'annee', 'annees', 'year', 'years', 'yr', 'yrs', 'ano', 'anos']],
];
const UNIT_SECONDS = new Map(UNITS.flatMap(([seconds, words]) => words.map((w) => [w, seconds] as const)));

const NUMBER_WORDS = new Map<string, number>([
  ['un', 1], ['une', 1], ['deux', 2], ['trois', 3], ['quatre', 4], ['cinq', 5], ['six', 6],
  ['sept', 7], ['huit', 8], ['neuf', 9], ['dix', 10], ['douze', 12], ['treize', 13], ['quinze', 15],
  ['vingt', 20], ['trente', 30],
  ['a', 1], ['one', 1], ['two', 2], ['three', 3], ['four', 4], ['five', 5], ['seven', 7],
  ['eight', 8], ['nine', 9], ['ten', 10], ['twelve', 12], ['thirteen', 13], ['fifteen', 15],
  ['twenty', 20], ['thirty', 30],
  ['uno', 1], ['una', 1], ['dos', 2], ['tres', 3], ['cuatro', 4], ['cinco', 5], ['seis', 6],
  ['siete', 7], ['ocho', 8], ['nueve', 9], ['diez', 10], ['doce', 12], ['trece', 13], ['quince', 15],
  ['veinte', 20], ['treinta', 30],
]);

/** Words joining the parts of one duration: « 1 an et 6 mois », "1 year and 6 months", « 1 año y 6 meses ». */
const JOINERS = new Set(['et', 'and', 'y']);

const SESSION_WORDS = new Set(['session', 'sessions', 'sesion', 'sesiones']);

/** Longer texts are not durations; reading only the start keeps the cost bounded. */
const MAX_CHARS = 500;

function numberOf(word: string): number | undefined {
  if (/^\d/.test(word)) return Number.parseFloat(word.replace(',', '.'));
  return NUMBER_WORDS.get(word);
}

/**
 * Seconds for a duration written in words; 0 for a session cookie; undefined when the text says
 * no duration we can read. A range (« de 1 à 13 mois », "between 1 and 13 months", "up to
 * 12 months") counts as its upper bound: the charter allows the cookie that long.
 */
export function durationSeconds(text: string): number | undefined {
  const folded = text
    .slice(0, MAX_CHARS)
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
  // Numbers and words alternate: "24h" gives "24", "h". Linear: no nested quantifiers.
  const tokens = folded.match(/\d+(?:[.,]\d+)?|[a-z]+/g) ?? [];
  let longest: number | undefined;
  // « 1 an et 6 mois », "1 year 6 months": a smaller unit right after a larger one adds to it.
  let sum = 0;
  let lastUnit = Infinity;
  let lastEnd = -1;
  for (let i = 0; i + 1 < tokens.length; i++) {
    const n = numberOf(tokens[i]!);
    const unit = UNIT_SECONDS.get(tokens[i + 1]!);
    if (n === undefined || unit === undefined) continue;
    const joined = unit < lastUnit && (i === lastEnd + 1 || (i === lastEnd + 2 && JOINERS.has(tokens[i - 1]!)));
    sum = joined ? sum + n * unit : n * unit;
    lastUnit = unit;
    lastEnd = i + 1;
    longest = Math.max(longest ?? 0, sum);
    i++;
  }
  if (longest !== undefined) return Number.isFinite(longest) ? Math.round(longest) : undefined;
  return tokens.some((t) => SESSION_WORDS.has(t)) ? 0 : undefined;
}
