/**
 * `npm run knowledge [path]`: refreshes lib/audit/knowledge/ocd-table.ts, the Open Cookie
 * Database's facts Témoin carries, from the database's CSV (a file, or a folder holding
 * `open-cookie-database.csv`; by default `../shared/data/open-cookie-database/` beside the
 * project), then says how many of the CSV's rows Témoin recognises with their platform.
 * Only facts are kept; the `Description` column is never read.
 */
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { encodeTable, readRows } from './ocd/table';

const DEFAULT = '../shared/data/open-cookie-database/';
const TABLE = 'lib/audit/knowledge/ocd-table.ts';

const given = resolve(process.argv[2] ?? DEFAULT);
const file = existsSync(given) && statSync(given).isDirectory() ? join(given, 'open-cookie-database.csv') : given;
if (!existsSync(file)) {
  console.error(`No CSV at ${file}. Give its path: npm run knowledge -- path/to/open-cookie-database.csv`);
  process.exit(1);
}

const { rows, skipped, total } = readRows(readFileSync(file, 'utf8'));
const table = encodeTable(rows);

// Where the copy comes from, when its folder says (the copy's README names the commit).
const readme = join(dirname(file), 'README.md');
const origin = existsSync(readme) ? /commit ([0-9a-f]{40})(?:[^\n]*?last change (\d{4}-\d{2}-\d{2}))?/.exec(readFileSync(readme, 'utf8')) : null;
const version = origin ? `commit ${origin[1]}${origin[2] ? `, ${origin[2]}` : ''}` : 'unknown version';

writeFileSync(
  TABLE,
  `/**
 * Facts from the Open Cookie Database (https://github.com/jkwakman/Open-Cookie-Database,
 * ${version}), Apache License 2.0: see NOTICE. Made by \`npm run knowledge\`; do not edit by
 * hand. ${rows.length} rows; the format is described in ocd.ts.
 */
export const OCD_VERSION = ${JSON.stringify(version)};
export const OCD_OWNERS = ${JSON.stringify(table.owners)};
export const OCD_DOMAINS = ${JSON.stringify(table.domains)};
export const OCD_NAMES = ${JSON.stringify(table.names)};
export const OCD_FACTS = ${JSON.stringify(table.facts)};
`,
);
console.log(`${TABLE}: ${rows.length} of ${total} rows (${version}), ${Buffer.byteLength(readFileSync(TABLE))} bytes.`);
for (const s of skipped) console.log(`  left out: « ${s.name} »: ${s.reason}`);

// The lookup reads the table just written.
const { outcomeOf } = await import('./ocd/coverage');
const counts = new Map<string, number>();
const notRecognised: string[] = [];
for (const row of rows) {
  const { outcome, named } = outcomeOf(row);
  counts.set(outcome, (counts.get(outcome) ?? 0) + 1);
  if (outcome !== 'recognised') {
    notRecognised.push(`  ${outcome}: ${row.name}${row.prefix ? '*' : ''} (${row.platform}${row.domains.length ? `, ${row.domains.join(' ')}` : ''})${named ? ` → ${named}` : ''}`);
  }
}
const recognised = counts.get('recognised') ?? 0;
console.log(`Recognised with their platform: ${recognised} of ${total} CSV rows (${((100 * recognised) / total).toFixed(1)} %).`);
console.log([...counts].map(([k, v]) => `${k}: ${v}`).join(', '));
console.log(notRecognised.join('\n'));
if (recognised / total < 0.99) {
  console.error('Fewer than 99 % of the rows are recognised.');
  process.exitCode = 1;
}
