/**
 * `npm run verify-sources`: does the sources archive give back the extension we ship?
 * addons.mozilla.org rebuilds a Firefox add-on from its sources archive, in a clean folder,
 * following the archive's own instructions, and expects the very files it was sent. This
 * command does what a reviewer does:
 *
 * 1. `npm run build` here: the three extension archives and the sources archive, as shipped;
 * 2. unpacks the sources archive into an empty temporary folder, checks it carries
 *    package-lock.json and BUILDING.md, and that BUILDING.md gives the command run next;
 * 3. runs `npm ci && npm run build` there;
 * 4. compares each rebuilt extension archive with the shipped one, file by file.
 *
 * Every difference is printed and fails the command. It needs the npm registry (or npm's cache)
 * for `npm ci`, and takes minutes: it is part of `npm run release`, not of `npm test`.
 * `--keep` leaves the temporary folder in place to look into it.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { compareFiles, describeDifference } from './release/compare-files';
import { zipEntries } from './release/zip-entries';

/** What BUILDING.md tells a reviewer to run, and what this command runs. */
const BUILD_COMMAND = 'npm ci && npm run build';

const keep = process.argv.includes('--keep');
const started = Date.now();
const seconds = (since: number) => `${Math.round((Date.now() - since) / 1000)} s`;

function run(command: string, cwd: string, log: string): void {
  const step = Date.now();
  console.log(`$ ${command}   (in ${cwd})`);
  const result = spawnSync(command, { cwd, shell: true, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  writeFileSync(log, `${result.stdout ?? ''}${result.stderr ?? ''}`, { flag: 'a' });
  if (result.status !== 0) {
    console.error(`${result.stdout ?? ''}${result.stderr ?? ''}`.split('\n').slice(-40).join('\n'));
    throw new Error(`\`${command}\` failed (exit ${result.status}); its whole output is in ${log}`);
  }
  console.log(`  done in ${seconds(step)}`);
}

const archives = (dir: string) => (existsSync(dir) ? readdirSync(dir).filter((name) => name.endsWith('.zip')).sort() : []);

const version = (JSON.parse(readFileSync('package.json', 'utf8')) as { version: string }).version;
const folder = mkdtempSync(join(tmpdir(), 'temoin-sources-'));
const log = join(folder, '..', `${folder.split('/').pop()}.log`);
let failed = false;

try {
  console.log(`Node ${process.version}; the project pins ${readFileSync('.nvmrc', 'utf8').trim()} (.nvmrc)`);
  run('npm run build', process.cwd(), log);

  // wxt zip -b firefox writes one sources archive per manifest version; both hold the same files.
  const sourcesName = `temoin-${version}-sources-mv2.zip`;
  const sources = zipEntries(readFileSync(join('.output', sourcesName)));
  const other = zipEntries(readFileSync(join('.output', `temoin-${version}-sources-mv3.zip`)));
  const between = compareFiles(sources, other);
  if (between.length > 0) {
    failed = true;
    console.error(`The two sources archives differ:\n${between.map(describeDifference).join('\n')}`);
  }
  for (const needed of ['package.json', 'package-lock.json', '.nvmrc', 'BUILDING.md']) {
    if (!sources.has(needed)) throw new Error(`${sourcesName} lacks ${needed}`);
  }
  if (!sources.get('BUILDING.md')!.toString('utf8').includes(BUILD_COMMAND)) {
    throw new Error(`BUILDING.md does not say \`${BUILD_COMMAND}\`, which is what this command runs`);
  }
  for (const [path, content] of sources) {
    mkdirSync(dirname(join(folder, path)), { recursive: true });
    writeFileSync(join(folder, path), content);
  }
  console.log(`${sourcesName}: ${sources.size} files unpacked into ${folder}`);

  run(BUILD_COMMAND, folder, log);

  const shipped = archives('.output').filter((name) => !name.includes('-sources-'));
  const rebuilt = archives(join(folder, '.output')).filter((name) => !name.includes('-sources-'));
  if (shipped.join() !== rebuilt.join()) {
    failed = true;
    console.error(`Archives made: ${rebuilt.join(', ')}; shipped: ${shipped.join(', ')}`);
  }
  for (const name of shipped.filter((name) => rebuilt.includes(name))) {
    const expected = readFileSync(join('.output', name));
    const actual = readFileSync(join(folder, '.output', name));
    const differences = compareFiles(zipEntries(expected), zipEntries(actual));
    if (differences.length === 0) {
      const bytes = expected.equals(actual) ? 'the archive itself is byte for byte the same' : 'the archives differ only in their packing';
      console.log(`${name}: ${zipEntries(expected).size} files, all identical (${bytes})`);
    } else {
      failed = true;
      console.error(`${name}: ${differences.length} difference(s)\n  ${differences.map(describeDifference).join('\n  ')}`);
    }
  }
} catch (error) {
  failed = true;
  console.error(error instanceof Error ? error.message : error);
} finally {
  if (keep || failed) console.log(`The rebuilt sources stay in ${folder}`);
  else rmSync(folder, { recursive: true, force: true });
}

console.log(`${failed ? 'FAILED' : 'Reproducible'}: ${seconds(started)} in all (Node ${process.version}, log in ${log})`);
process.exitCode = failed ? 1 : 0;
