import { t } from '../i18n/messages';

/**
 * The visitor's choice as an Opendatasoft portal records it in `cookies_preferences`:
 * URL-encoded JSON, one boolean per tracker and a `timestamp`, e.g.
 * `{"functional_cookies":true,"ga":false,"timestamp":1764426000000}`. The page's scripts can
 * write it, so its value is untrusted: anything unexpected reads « illisible ».
 */

export interface ConsentChoice {
  key: string;
  label: string;
  accepted: boolean;
}

export type ConsentRecord =
  | { state: 'readable'; choices: ConsentChoice[]; madeAt?: string }
  | { state: 'unreadable'; reason: string };

const MAX_LENGTH = 4096;
const MAX_CHOICES = 64;

/**
 * The trackers Opendatasoft portals name in the record (keys vary by portal). A Map: the record's
 * keys are the page's words, and `__proto__`, `constructor` or `toString` must name nothing here.
 */
const labels = new Map<string, string | (() => string)>([
  ['functional_cookies', () => t('audit.consent.functional')],
  ['ga', 'Google Analytics'],
  ['matomo', 'Matomo'],
  ['xiti', 'Xiti'],
  ['at', 'AT Internet'],
  ['piano', 'Piano Analytics'],
  ['eulerian', 'Eulerian'],
]);

function unreadable(reason: string): ConsentRecord {
  return { state: 'unreadable', reason };
}

/**
 * Milliseconds or seconds since 1970, within reason (2000–2100), as ISO 8601. A date still to
 * come is kept as written: the report flags it (findings.ts), rather than hide it.
 */
function dateOf(timestamp: unknown): string | undefined {
  if (typeof timestamp !== 'number' || !Number.isFinite(timestamp)) return undefined;
  const ms = timestamp > 1e11 ? timestamp : timestamp * 1000;
  return ms >= Date.UTC(2000, 0, 1) && ms < Date.UTC(2100, 0, 1) ? new Date(ms).toISOString() : undefined;
}

export function decodeConsentRecord(value: string): ConsentRecord {
  if (value.length > MAX_LENGTH) return unreadable(t('audit.consent.tooLong'));
  let data: unknown;
  try {
    data = JSON.parse(decodeURIComponent(value));
  } catch {
    return unreadable(t('audit.consent.notJson'));
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return unreadable(t('audit.consent.notObject'));
  const choices: ConsentChoice[] = [];
  // Own properties only: JSON.parse makes `__proto__` an ordinary own key, listed like the others.
  for (const key of Object.keys(data)) {
    if (key === 'timestamp') continue;
    const accepted: unknown = Object.getOwnPropertyDescriptor(data, key)?.value;
    if (typeof accepted !== 'boolean') return unreadable(t('audit.consent.notBoolean', key.slice(0, 40)));
    const label = labels.get(key);
    choices.push({ key, label: typeof label === 'function' ? label() : (label ?? key), accepted });
  }
  if (choices.length > MAX_CHOICES) return unreadable(t('audit.consent.tooMany'));
  const madeAt = Object.hasOwn(data, 'timestamp') ? dateOf(Object.getOwnPropertyDescriptor(data, 'timestamp')?.value) : undefined;
  return { state: 'readable', choices, ...(madeAt && { madeAt }) };
}
