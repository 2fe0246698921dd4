import { shownName } from '../cookies/visible-name';
import type { Audit, AuditCookie } from './audit';
import { t } from '../i18n/messages';

const yes = (b: boolean) => (b ? t('export.yes') : t('export.no'));

/** Headers in the language spoken; HttpOnly, Secure and SameSite are the attributes' own names. */
const columns = (): [string, (c: AuditCookie) => unknown][] => [
  // Drawn as in the popup: an invisible or look-alike character shows as its code point.
  [t('export.csv.name'), (c) => shownName(c.name)],
  [t('export.csv.value'), (c) => c.value ?? ''],
  [t('export.csv.domain'), (c) => c.domain],
  [t('export.csv.path'), (c) => c.path],
  [t('export.csv.declared'), (c) => yes(c.declared)],
  [t('export.csv.category'), (c) => c.category],
  [t('export.csv.provider'), (c) => c.provider ?? ''],
  [t('export.csv.service'), (c) => c.service ?? ''],
  [t('export.csv.purpose'), (c) => c.purpose ?? ''],
  [t('export.csv.probably'), (c) => c.probably ?? ''],
  [t('export.csv.expires'), (c) => c.expires ?? t('audit.lifetime.session')],
  [t('export.csv.lifetime'), (c) => c.lifetime],
  ['HttpOnly', (c) => yes(c.httpOnly)],
  ['Secure', (c) => yes(c.secure)],
  ['SameSite', (c) => c.sameSite],
  [t('export.csv.partition'), (c) => c.partition ?? ''],
  [t('export.csv.seenByPage'), (c) => yes(c.seenByPage)],
  [t('export.csv.setAt'), (c) => c.setAt ?? ''],
  [t('export.csv.changedAt'), (c) => c.changedAt ?? ''],
  [t('export.csv.appeared'), (c) => c.appeared ?? ''],
  [t('export.csv.findings'), (c) => c.findings.map((f) => f.text).join(' | ')],
];

/**
 * A cell safe in any spreadsheet. Cookie names and charter text are the site's words, so they
 * may be built as formulas. Every cell is quoted (RFC 4180), which a spreadsheet splitting on
 * commas respects; one splitting on semicolons (French settings) ignores quotes that do not
 * open its own fields, and starts a new cell after each `;` or line end. So an apostrophe goes
 * wherever a cell may start before a formula sign (= + - @, tab, carriage return): at the start,
 * and after any `,` `;` tab or line end, with only spaces or quotes between.
 */
export function csvCell(value: unknown): string {
  const text = String(value);
  const formula = /[ "]*[=+\-@\t\r]/y;
  let safe = '';
  let cellStart = true;
  for (let i = 0; i < text.length; i++) {
    if (cellStart) {
      formula.lastIndex = i;
      if (formula.test(text)) safe += "'";
    }
    const ch = text[i]!;
    safe += ch;
    cellStart = ch === ',' || ch === ';' || ch === '\t' || ch === '\r' || ch === '\n';
  }
  if (text === '') safe = '';
  return `"${safe.replaceAll('"', '""')}"`;
}

/** One row per cookie, with a header row; CRLF line ends, as spreadsheets expect. */
export function auditCsv(audit: Audit): string {
  const shown = columns();
  const rows = [shown.map(([title]) => title), ...audit.cookies.map((c) => shown.map(([, get]) => get(c)))];
  return rows.map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}
