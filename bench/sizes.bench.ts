import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { expect, it } from 'vitest';
import { record } from './results';

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
  const popup = firstLoad('popup.html');
  record({ name: 'popup JS at opening (raw)', unit: 'KB', median: popup.sum(popup.js), budget: 80 });
  record({ name: 'popup JS at opening (gzip)', unit: 'KB', median: popup.sum(popup.js, true) });
  record({ name: 'popup CSS (raw)', unit: 'KB', median: popup.sum(popup.css) });
  record({ name: 'popup CSS (gzip)', unit: 'KB', median: popup.sum(popup.css, true) });
});
