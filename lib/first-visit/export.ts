import { categoryLabels } from '../audit/categories';
import { longDateTime } from '../i18n/format';
import { language, t, tn } from '../i18n/messages';
import { rules } from '../audit/rules';
import { timelineLine } from '../timeline/line';
import { stripCss, stripFigure, stripOf } from '../timeline/strip';
import type { ExportedFile } from '../export/file';
import { firstVisitFileName } from '../export/names';
import type { FirstVisitReport } from './model';
import { reportSentences, restoredSentences, verdictOf } from './shown';

/** One thing the portal set before any choice: a cookie or a storage key, never a value. */
interface Row {
  kind: 'cookie' | 'localStorage' | 'sessionStorage';
  name: string;
  domain: string;
  path: string;
  setAt: string | null;
  appeared: string;
  verdict: string;
  category: string;
  necessary: boolean;
  findings: { rule: string; text: string; source: string }[];
}

export interface FirstVisitRecord {
  /** « première visite », in the language spoken. */
  test: string;
  site: string;
  page: string;
  startedAt: string;
  endedAt: string;
  seconds: number;
  stopped: string | null;
  choiceMadeAt: string | null;
  charter: { used: string; url: string };
  items: Row[];
  restored: FirstVisitReport['restored'];
}

export function firstVisitRecord(report: FirstVisitReport): FirstVisitRecord {
  const cookies: Row[] = report.cookies.map((c) => ({
    kind: 'cookie',
    name: c.cookie.name,
    domain: c.cookie.domain,
    path: c.cookie.path,
    setAt: c.timeline?.known ? new Date(c.timeline.firstSetAt).toISOString() : null,
    appeared: c.timeline ? timelineLine(c.timeline) : '',
    verdict: verdictOf(c),
    category: categoryLabels[c.category],
    necessary: c.category === 'necessary',
    findings: c.findings.map((f) => ({ rule: f.rule, text: f.text, source: rules[f.rule].source.label })),
  }));
  const keys: Row[] = report.storage.map((item) => ({
    kind: item.area === 'local' ? 'localStorage' : 'sessionStorage',
    name: item.key,
    domain: new URL(report.page).hostname,
    path: '',
    setAt: null,
    appeared: t('export.firstVisit.writtenDuringTest'),
    verdict: item.guess ? t('export.html.probably', item.guess.provider) : t('export.firstVisit.unknown'),
    category: item.guess?.kindLabel ?? '',
    necessary: false,
    findings: [],
  }));
  return {
    test: t('export.firstVisit.test'),
    site: report.site,
    page: report.page,
    startedAt: report.startedAt,
    endedAt: report.endedAt,
    seconds: report.seconds,
    stopped: report.stopped ?? null,
    choiceMadeAt: report.choiceMadeAt ?? null,
    charter: { used: report.charterUsed, url: report.charter.url },
    items: [...cookies, ...keys],
    restored: report.restored,
  };
}

/** RFC 4180, and a leading apostrophe before what a spreadsheet would run as a formula. */
function cell(value: unknown): string {
  let text = String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n;]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

const columns = (): [string, (r: Row) => unknown][] => [
  [t('export.csv.type'), (r) => r.kind],
  [t('export.csv.name'), (r) => r.name],
  [t('export.csv.domain'), (r) => r.domain],
  [t('export.csv.path'), (r) => r.path],
  [t('export.csv.setAt'), (r) => r.setAt ?? ''],
  [t('export.csv.verdict'), (r) => r.verdict],
  [t('export.csv.category'), (r) => r.category],
  [t('export.csv.findings'), (r) => r.findings.map((f) => f.text).join(' | ')],
];

function escape(value: unknown): string {
  return String(value).replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}

export function firstVisitFile(report: FirstVisitReport, format: 'json' | 'csv' | 'html'): ExportedFile {
  const record = firstVisitRecord(report);
  const name = firstVisitFileName(report.site, report.startedAt, format);
  if (format === 'json') return { name, text: JSON.stringify(record, null, 2), type: 'application/json' };
  if (format === 'csv') {
    const shown = columns();
    const rows = [shown.map(([title]) => title), ...record.items.map((r) => shown.map(([, get]) => get(r)))];
    return { name, text: `\ufeff${rows.map((row) => row.map(cell).join(',')).join('\r\n')}\r\n`, type: 'text/csv;charset=utf-8' };
  }
  const rows = record.items
    .map(
      (r) => `<tr><td>${escape(r.kind)}</td><td><code>${escape(r.name)}</code></td><td>${escape(r.domain)}${escape(r.path)}</td>
<td>${escape(r.appeared)}</td><td>${escape(r.verdict)}</td><td>${r.findings.map((f) => escape(f.text)).join('<br>')}</td></tr>`,
    )
    .join('\n');
  const text = `<!doctype html>
<html lang="${language()}"><head><meta charset="utf-8"><title>${escape(t('export.firstVisit.title', report.site))}</title>
<style>body{font:14px/1.4 system-ui,sans-serif;margin:2rem;color:#1d2330}table{border-collapse:collapse;width:100%}
td,th{border:1px solid #d8dde6;padding:.3rem .5rem;text-align:left;vertical-align:top}th{background:#f4f6f9}${stripCss}</style>
</head><body>
<h1>${escape(t('export.firstVisit.heading', report.site))}</h1>
<p>${escape(t('export.firstVisit.when', longDateTime(report.startedAt), report.seconds, report.page))}
${report.stopped ? escape(t('export.firstVisit.stopped', report.stopped)) : ''}
${report.choiceMadeAt ? escape(t('export.firstVisit.choiceMade', longDateTime(report.choiceMadeAt))) : ''}</p>
<p>${escape(record.items.length === 0 ? t('export.firstVisit.nothing') : tn('export.firstVisit.items', record.items.length))}</p>
${testFigure(report)}
<table><thead><tr>${[
    t('export.firstVisit.column.type'),
    t('export.firstVisit.column.name'),
    t('export.firstVisit.column.domain'),
    t('export.firstVisit.column.appeared'),
    t('export.firstVisit.column.verdict'),
    t('export.firstVisit.column.findings'),
  ]
    .map((h) => `<th>${escape(h)}</th>`)
    .join('')}</tr></thead>
<tbody>
${rows}
</tbody></table>
<p>${[...restoredSentences(report.restored), ...reportSentences(report)].map(escape).join(' ')}</p>
<p><small>${escape(t('export.html.footer'))}</small></p>
</body></html>
`;
  return { name, text, type: 'text/html;charset=utf-8' };
}

/** The test's time strip, from the page load, as the popup draws it. */
function testFigure(report: FirstVisitReport): string {
  const start = Date.parse(report.startedAt);
  const strip = stripOf(report.cookies, {
    from: start,
    to: Date.parse(report.endedAt),
    loadAt: start,
    ...(report.choiceMadeAt && { choiceAt: Date.parse(report.choiceMadeAt) }),
  });
  const when = (at: number) => `+${Math.round((at - start) / 1000)}\u00a0s`;
  return stripFigure(strip, when, t('export.firstVisit.timeline'));
}
