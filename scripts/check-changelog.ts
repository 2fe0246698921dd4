/**
 * Part of `npm run release`: the version about to be built has its section in CHANGELOG.md
 * (`## 1.2.0 — 7 décembre 2026`), so that a release never ships without saying what changed.
 */
import { readFileSync } from 'node:fs';
import { changelogSection } from './release/changelog';

const { version } = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };
const section = changelogSection(readFileSync('CHANGELOG.md', 'utf8'), version);
if (!section) {
  console.error(`CHANGELOG.md has no section « ## ${version} — <date> » for the version of package.json.`);
  process.exit(1);
}
console.log(`CHANGELOG.md: ${version} (${section.date}), ${section.entries} entries`);
