import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { expect, it } from 'vitest';
import { record } from './results';
import { OCD_NAMES } from '../lib/audit/knowledge/ocd-table';

const KB = 1024;
const out = '.output';

/** The files a page loads at once: its script, the chunks it preloads, its style sheets. */
function firstLoad(page: string) {
  const html = readFileSync(join(out, 'chrome-mv3', page), 'utf8');
  const files = [...html.matchAll(/(?:src|href)="\/([^"]+\.(?:js|css))"/g)].map((m) => m[1]!);
  const bytes = (ext: string) => files.filter((f) => f.endsWith(ext)).map((f) => readFileSync(join(out, 'chrome-mv3', f)));
  const sum = (buffers: Buffer[], gzip = false) => buffers.reduce((n, b) => n + (gzip ? gzipSync(b).length : b.length), 0) / KB;
  return { js: bytes('.js'), css: bytes('.css'), sum };
}

it('weighs the zips and the popup', () => {
  const zips = readdirSync(out).filter((f) => f.endsWith('.zip') && !f.includes('sources'));
  expect(zips.length).toBe(3);
  for (const zip of zips) {
    record({ name: `zip: ${zip}`, unit: 'KB', median: statSync(join(out, zip)).size / KB, budget: 120 });
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
  record({ name: 'popup JS at opening (raw)', unit: 'KB', median: popup.sum(popup.js), budget: 80 });
  record({ name: 'popup JS at opening (gzip)', unit: 'KB', median: popup.sum(popup.js, true) });
  record({ name: 'popup CSS (raw)', unit: 'KB', median: popup.sum(popup.css) });
  record({ name: 'popup CSS (gzip)', unit: 'KB', median: popup.sum(popup.css, true) });
});
