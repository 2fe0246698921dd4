import { shownName } from '../cookies/visible-name';
import type { Audit, AuditCookie } from './audit';

const columns: [string, (c: AuditCookie) => unknown][] = [
  // Drawn as in the popup: an invisible or look-alike character shows as its code point.
  ['nom', (c) => shownName(c.name)],
  ['valeur', (c) => c.value ?? ''],
  ['domaine', (c) => c.domain],
  ['chemin', (c) => c.path],
  ['déclaré', (c) => (c.declared ? 'oui' : 'non')],
  ['catégorie', (c) => c.category],
  ['prestataire', (c) => c.provider ?? ''],
  ['service', (c) => c.service ?? ''],
  ['finalité', (c) => c.purpose ?? ''],
  ['probablement', (c) => c.probably ?? ''],
  ['expiration', (c) => c.expires ?? 'fin de session'],
  ['durée restante', (c) => c.lifetime],
  ['HttpOnly', (c) => (c.httpOnly ? 'oui' : 'non')],
  ['Secure', (c) => (c.secure ? 'oui' : 'non')],
  ['SameSite', (c) => c.sameSite],
  ['partition', (c) => c.partition ?? ''],
  ['lu par la page', (c) => (c.seenByPage ? 'oui' : 'non')],
  ['déposé le', (c) => c.setAt ?? ''],
  ['modifié le', (c) => c.changedAt ?? ''],
  ['apparition', (c) => c.appeared ?? ''],
  ['constats', (c) => c.findings.map((f) => f.text).join(' | ')],
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
  const rows = [columns.map(([title]) => title), ...audit.cookies.map((c) => columns.map(([, get]) => get(c)))];
  return rows.map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}
