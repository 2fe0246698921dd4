import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { expect, it } from 'vitest';
import { record } from './results';
import { OCD_NAMES } from '../lib/audit/knowledge/ocd-table';

const KB = 1024;
/**
 * What a visitor downloads from a store. 120 KB while Témoin read a charter and showed a report;
 * what came since (the Open Cookie Database's table, the first-visit test, the timeline, the
 * letter to the data protection officer, the privacy policy and accessibility pages, every
 * sentence in two languages) brought version 1.0.0 to 276 KB. The budget keeps it from growing unnoticed.
 */
const ZIP_BUDGET_KB = 300;
const out = '.output';

/**
 * The files a page loads before its first paint: its scripts and style sheets, and every module
 * those scripts import statically, followed from file to file (a `<link rel="modulepreload">`
 * only hints at some of them). Dynamic `import()`s are left out: they load after that paint.
 */
function firstLoad(page: string) {
  const root = join(out, 'chrome-mv3');
  const html = readFileSync(join(root, page), 'utf8');
  const files = new Set([...html.matchAll(/(?:src|href)="\/([^"]+\.(?:js|css))"/g)].map((m) => m[1]!));
  for (const file of files) {
    if (!file.endsWith('.js')) continue;
    const code = readFileSync(join(root, file), 'utf8');
    // `import{a as b}from"./x.js"` and `import"./x.js"`, never `import("./x.js")`.
    for (const [, spec] of code.matchAll(/\bimport\s*(?:[\w$*{][^;"'`()]*?from\s*)?["']([^"']+\.js)["']/g)) {
      files.add(join(dirname(file), spec!).replace(/^\.\//, ''));
    }
  }
  const bytes = (ext: string) => [...files].filter((f) => f.endsWith(ext)).map((f) => readFileSync(join(root, f)));
  const sum = (buffers: Buffer[], gzip = false) => buffers.reduce((n, b) => n + (gzip ? gzipSync(b).length : b.length), 0) / KB;
  return { files: [...files], js: bytes('.js'), css: bytes('.css'), sum };
}

it('weighs the zips and the popup', () => {
  // This version's archives only: an earlier build's may still lie beside them.
  const { version } = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };
  const zips = readdirSync(out).filter((f) => f.startsWith(`temoin-${version}-`) && f.endsWith('.zip') && !f.includes('sources'));
  expect(zips.length).toBe(3);
  for (const zip of zips) {
    record({ name: `zip: ${zip}`, unit: 'KB', median: statSync(join(out, zip)).size / KB, budget: ZIP_BUDGET_KB });
  }
  const background = readFileSync(join(out, 'chrome-mv3', 'background.js'));
  record({ name: 'background JS (raw)', unit: 'KB', median: background.length / KB });
  record({ name: 'background JS (gzip)', unit: 'KB', median: gzipSync(background).length / KB });
  const popup = firstLoad('popup.html');
  // The Open Cookie Database's table is the background's alone: the popup and the options page get reports.
  const marker = OCD_NAMES.split('\n').reduce((a, b) => (b.length > a.length ? b : a));
  const scripts = readdirSync(join(out, 'chrome-mv3'), { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.js'));
  expect(scripts.filter((f) => readFileSync(join(out, 'chrome-mv3', f), 'utf8').includes(marker))).toEqual(['background.js']);
  expect(popup.js.some((file) => file.includes(marker))).toBe(false);
  // What the popup.html lists is all it loads before its first paint: no module it imports is missing from it.
  const listed = [...readFileSync(join(out, 'chrome-mv3', 'popup.html'), 'utf8').matchAll(/(?:src|href)="\/([^"]+)"/g)].map((m) => m[1]);
  expect(popup.files.filter((f) => !listed.includes(f))).toEqual([]);
  record({ name: 'popup JS at opening (raw)', unit: 'KB', median: popup.sum(popup.js), budget: 80 });
  record({ name: 'popup JS at opening (gzip)', unit: 'KB', median: popup.sum(popup.js, true) });
  record({ name: 'popup CSS (raw)', unit: 'KB', median: popup.sum(popup.css) });
  record({ name: 'popup CSS (gzip)', unit: 'KB', median: popup.sum(popup.css, true) });
});
