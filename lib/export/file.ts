import type { CharterStatus } from '../charter/choose';
import type { Report } from '../audit/report';
import { auditOf } from './audit';
import { auditCsv } from './csv';
import { auditHtml } from './html';
import { auditFileName } from './names';
import { dayTime } from '../i18n/format';
import { t } from '../i18n/messages';
import { stripFigure, stripOf } from '../timeline/strip';

const types = { json: 'application/json', csv: 'text/csv;charset=utf-8', html: 'text/html;charset=utf-8' } as const;

/** A file the visitor downloads: its name, its text and its media type. */
export interface ExportedFile {
  name: string;
  text: string;
  type: string;
}

/** The audit as a file to download: `temoin-data.issy.com-2026-11-29.csv`. */
export function exportFile(
  report: Report,
  status: CharterStatus,
  format: keyof typeof types,
  values?: Record<string, string>,
): ExportedFile {
  const audit = auditOf(report, status, values);
  const text =
    format === 'json' ? JSON.stringify(audit, null, 2) : format === 'csv' ? `\ufeff${auditCsv(audit)}` : auditHtml(audit, timelineFigure(report));
  const name = auditFileName(report.site, report.generatedAt, format);
  return { name, text, type: types[format] };
}

/** The report's timeline drawn, as the popup draws it. */
function timelineFigure(report: Report): string {
  const strip = stripOf(report.cookies, { to: Date.parse(report.generatedAt), ...(report.choiceAt !== undefined && { choiceAt: report.choiceAt }) });
  return stripFigure(strip, dayTime, t('export.html.timeline'));
}
