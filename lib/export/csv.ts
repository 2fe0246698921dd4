import type { Audit, AuditCookie } from './audit';

const columns: [string, (c: AuditCookie) => unknown][] = [
  ['nom', (c) => c.name],
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
  ['constats', (c) => c.findings.map((f) => f.text).join(' | ')],
];

/**
 * RFC 4180 quoting, and a leading apostrophe before what a spreadsheet would run as a formula
 * (a cookie name is chosen by the site, so it may be hostile).
 */
function cell(value: unknown): string {
  let text = String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n;]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** One row per cookie, with a header row; CRLF line ends, as spreadsheets expect. */
export function auditCsv(audit: Audit): string {
  const rows = [columns.map(([title]) => title), ...audit.cookies.map((c) => columns.map(([, get]) => get(c)))];
  return rows.map((row) => row.map(cell).join(',')).join('\r\n') + '\r\n';
}
