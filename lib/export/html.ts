import { longDateTime } from '../i18n/format';
import { shownName } from '../cookies/visible-name';
import type { Audit } from './audit';
import { stripCss } from '../timeline/strip';

/** Everything put in the page is text from the site or the browser: always escaped. */
function escape(value: unknown): string {
  return String(value).replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}

const charterWords = { live: 'charte publiée sur le site', bundled: 'copie intégrée de la charte', none: 'aucune charte lue' };

/**
 * A standalone page a visitor can read, print or keep: the audit in French; `strip`, the
 * timeline drawn (lib/timeline/strip.ts), when there is one.
 */
export function auditHtml(audit: Audit, strip = ''): string {
  const rows = audit.cookies
    .map(
      (c) => `<tr>
<td><code>${escape(shownName(c.name))}</code>${c.value !== undefined ? `<br><small>${escape(c.value)}</small>` : ''}</td>
<td>${escape(c.domain)}${escape(c.path)}${c.partition ? `<br><small>partition ${escape(c.partition)}</small>` : ''}</td>
<td>${escape(c.declared ? c.category : 'Non déclaré')}</td>
<td>${escape(c.provider ?? (c.probably ? `probablement ${c.probably}` : '—'))}</td>
<td>${escape(c.purpose ?? '—')}</td>
<td>${escape(c.lifetime)}${c.appeared ? `<br><small>${escape(c.appeared)}</small>` : ''}</td>
<td>${c.findings.map((f) => escape(f.text)).join('<br>')}</td>
</tr>`,
    )
    .join('\n');
  const siteFindings = audit.findings.map((f) => `<li>${escape(f.text)}</li>`).join('');
  return `<!doctype html>
<html lang="fr"><head><meta charset="utf-8"><title>Témoin — audit des cookies de ${escape(audit.site)}</title>
<style>body{font:14px/1.4 system-ui,sans-serif;margin:2rem;color:#1d2330}table{border-collapse:collapse;width:100%}
td,th{border:1px solid #d8dde6;padding:.3rem .5rem;text-align:left;vertical-align:top}th{background:#f4f6f9}small{color:#5b6475}${stripCss}</style>
</head><body>
<h1>Audit des cookies de ${escape(audit.site)}</h1>
<p>Page ${escape(audit.page)}, le ${escape(longDateTime(audit.generatedAt))}.
Comparaison avec la ${escape(charterWords[audit.charter.used])}${audit.charter.url ? ` (${escape(audit.charter.url)})` : ''}${audit.charter.why ? `&nbsp;; ${escape(audit.charter.why)}` : ''}.</p>
${strip}
<table><thead><tr><th>Cookie</th><th>Domaine</th><th>Catégorie</th><th>Prestataire</th><th>Finalité</th><th>Durée restante, apparition</th><th>Constats</th></tr></thead>
<tbody>
${rows}
</tbody></table>
${siteFindings ? `<h2>Pour l’ensemble du site</h2><ul>${siteFindings}</ul>` : ''}
<p><small>Établi par Témoin. Un constat est une information, pas une accusation.</small></p>
</body></html>
`;
}
