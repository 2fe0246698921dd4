import { createZip } from '@aklinker1/zero-zip';
import { deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { changelogSection } from '../../../scripts/release/changelog';
import { compareFiles, describeDifference } from '../../../scripts/release/compare-files';
import { zipEntries } from '../../../scripts/release/zip-entries';

const files = (entries: Record<string, string>) => new Map(Object.entries(entries).map(([path, text]) => [path, Buffer.from(text)]));

describe('zipEntries', () => {
  it('reads back every file of an archive written as WXT writes it, stored or deflated', async () => {
    // WXT's own zip writer (wxt/dist/core/zip.mjs); a short file is stored, a long one deflated.
    const archive = createZip({ level: 9 });
    const long = 'const a = 1;\n'.repeat(500);
    archive.addFile('manifest.json', '{}');
    archive.addFile('chunks/popup-Ab12.js', long);
    archive.addFile('assets/é.css', 'a{}');
    const read = zipEntries(await archive.toBuffer());
    expect([...read.keys()]).toEqual(['manifest.json', 'chunks/popup-Ab12.js', 'assets/é.css']);
    expect(read.get('chunks/popup-Ab12.js')!.toString()).toBe(long);
    expect(read.get('manifest.json')!.toString()).toBe('{}');
    expect(deflateRawSync(long).length).toBeLessThan(long.length); // so the deflated path was taken
  });

  it('refuses what is not a zip archive', () => {
    expect(() => zipEntries(Buffer.from('not a zip at all, just text long enough to search'))).toThrow(/not a zip/);
  });
});

describe('compareFiles', () => {
  it('finds nothing between the same files', () => {
    expect(compareFiles(files({ a: '1', b: '2' }), files({ b: '2', a: '1' }))).toEqual([]);
  });

  it('names files missing on either side and where a text file first differs', () => {
    const differences = compareFiles(
      files({ 'manifest.json': '{}', 'popup.js': 'let x = "/home/me/temoin";\nrest', 'only.txt': '' }),
      files({ 'manifest.json': '{}', 'popup.js': 'let x = "/tmp/sources-1/temoin";\nrest', 'extra.txt': '' }),
    );
    expect(differences.map(describeDifference)).toEqual([
      'extra.txt: in the rebuilt archive only',
      'only.txt: in the shipped archive only',
      'popup.js: differs (31 bytes expected, 37 rebuilt; line 1, column 11: expected "let x = "/home/me/temoin";", rebuilt "let x = "/tmp/sources-1/temoin";")',
    ]);
  });

  it('gives the first differing byte of a binary file', () => {
    const [difference] = compareFiles(new Map([['icon.png', Buffer.from([0x89, 0, 1, 2])]]), new Map([['icon.png', Buffer.from([0x89, 0, 9])]]));
    expect(describeDifference(difference!)).toBe('icon.png: differs (4 bytes expected, 3 rebuilt; first difference at byte 2)');
  });
});

describe('changelogSection', () => {
  const changelog = '# Journal\n\n## Non publié\n\n- à venir\n\n## 0.2.0 — 9 décembre 2026\n\n- un\n- deux\n  suite\n\n### Partie\n\n- trois\n\n## 0.1.0 — 7 décembre 2026\n\n- premier\n';

  it('finds the version’s heading, its date and its entries, up to the next version', () => {
    expect(changelogSection(changelog, '0.2.0')).toEqual({ date: '9 décembre 2026', entries: 3 });
    expect(changelogSection(changelog, '0.1.0')).toEqual({ date: '7 décembre 2026', entries: 1 });
  });

  it('has nothing for a version without a section, or a section without a date or an entry', () => {
    expect(changelogSection(changelog, '1.0.0')).toBeUndefined();
    expect(changelogSection('## 1.0.0 — \n\n- un\n', '1.0.0')).toBeUndefined();
    expect(changelogSection('## 1.0.0 — 1 janvier 2027\n\nRien.\n', '1.0.0')).toBeUndefined();
  });

  it('finds the section of the version in package.json in the project’s own CHANGELOG.md', async () => {
    const { readFileSync } = await import('node:fs');
    const { version } = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };
    expect(changelogSection(readFileSync('CHANGELOG.md', 'utf8'), version)).toBeDefined();
  });
});
