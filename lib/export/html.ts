import { longDateTime } from '../i18n/format';
import { language, t } from '../i18n/messages';
import { shownName } from '../cookies/visible-name';
import type { Audit } from './audit';
import { stripCss } from '../timeline/strip';

/** Everything put in the page is text from the site or the browser: always escaped. */
function escape(value: unknown): string {
  return String(value).replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}

const charterWords = {
  live: () => t('export.html.charter.live'),
  bundled: () => t('export.html.charter.bundled'),
  none: () => t('export.html.charter.none'),
};

/** « Comparaison avec la charte publiée sur le site (adresse) ; pourquoi. » */
function comparedWith(charter: Audit['charter']): string {
  const words = charterWords[charter.used]();
  if (charter.url && charter.why) return t('export.html.comparedAtWhy', words, charter.url, charter.why);
  if (charter.url) return t('export.html.comparedAt', words, charter.url);
  if (charter.why) return t('export.html.comparedWhy', words, charter.why);
  return t('export.html.compared', words);
}

/**
 * A standalone page a visitor can read, print or keep: the audit in the language spoken; `strip`, the
 * timeline drawn (lib/timeline/strip.ts), when there is one.
 */
export function auditHtml(audit: Audit, strip = ''): string {
  const rows = audit.cookies
    .map(
      (c) => `<tr>
<td><code>${escape(shownName(c.name))}</code>${c.value !== undefined ? `<br><small>${escape(c.value)}</small>` : ''}</td>
<td>${escape(c.domain)}${escape(c.path)}${c.partition ? `<br><small>${escape(t('export.html.partition', c.partition))}</small>` : ''}</td>
<td>${escape(c.declared ? c.category : t('category.undeclared'))}</td>
<td>${escape(c.provider ?? (c.probably ? t('export.html.probably', c.probably) : '—'))}</td>
<td${c.purpose && language() !== 'fr' ? ' lang="fr"' : ''}>${escape(c.purpose ?? '—')}</td>
<td>${escape(c.lifetime)}${c.appeared ? `<br><small>${escape(c.appeared)}</small>` : ''}</td>
<td>${c.findings.map((f) => escape(f.text)).join('<br>')}</td>
</tr>`,
    )
    .join('\n');
  const headers = [
    t('export.html.column.cookie'),
    t('export.html.column.domain'),
    t('export.html.column.category'),
    t('export.html.column.provider'),
    t('export.html.column.purpose'),
    t('export.html.column.lifetime'),
    t('export.html.column.findings'),
  ];
  const siteFindings = audit.findings.map((f) => `<li>${escape(f.text)}</li>`).join('');
  return `<!doctype html>
<html lang="${language()}"><head><meta charset="utf-8"><title>${escape(t('export.html.title', audit.site))}</title>
<style>body{font:14px/1.4 system-ui,sans-serif;margin:2rem;color:#1d2330}table{border-collapse:collapse;width:100%}
td,th{border:1px solid #d8dde6;padding:.3rem .5rem;text-align:left;vertical-align:top}th{background:#f4f6f9}small{color:#5b6475}${stripCss}</style>
</head><body>
<h1>${escape(t('export.html.heading', audit.site))}</h1>
<p>${escape(t('export.html.page', audit.page, longDateTime(audit.generatedAt)))}
${escape(comparedWith(audit.charter))}</p>
${strip}
<table><thead><tr>${headers.map((h) => `<th>${escape(h)}</th>`).join('')}</tr></thead>
<tbody>
${rows}
</tbody></table>
${siteFindings ? `<h2>${escape(t('export.html.site'))}</h2><ul>${siteFindings}</ul>` : ''}
<p><small>${escape(t('export.html.footer'))}</small></p>
</body></html>
`;
}
