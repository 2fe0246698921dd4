/**
 * `npm run corpus`: measures the charter parser on a folder of real cookie policies, each with
 * what a careful reader finds in it (`expected.json`). Not part of `npm test`: the pages are other
 * people's words and are not in the repository; without the folder, this says so and exits 0.
 *
 * Folder: `CORPUS_DIR`, else `shared/corpus/real-charters/` beside the project (`../shared`) or
 * beside one of the folders holding it, the nearest first.
 * `expected.json`: `{ files: [{ file, expected: [{ name, match: 'exact' | 'prefix', category }] }] }`.
 *
 * Printed per page, per layout family (the page's `family` in `expected.json`, else read from the
 * words of its `layout` description) and in total: names found / expected, missed, spurious (read but not
 * expected), recall and precision; categories agreed; necessary-vs-not agreed; and how many
 * cookies the page declares non-essential were read as necessary (the one error that makes
 * clearing keep a tracker, or, turned around, the reading clearing trusts).
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { JSDOM } from 'jsdom';
import type { Category, NamePattern } from '../lib/charter/model';
import { parseCharter } from '../lib/charter/parse';

/**
 * The corpus was written against an older category model (necessary / statistics / first-party /
 * third-party). Mapped explicitly onto today's, by what each older name meant on those pages:
 * - `necessary` → necessary; `statistics` → statistics.
 * - `third-party`: ads, remarketing, embedded players, declared as such: any consent-requiring
 *   kind (advertising, social, non-essential) agrees; never necessary.
 * - `first-party`: the site's own cookies that need consent: preferences or non-essential.
 * - `not-necessary`: the page says only "non-essential": any consent kind agrees.
 * - `null`: the page names no category. `unclear` agrees; so does `preferences`, a kind the older
 *   model did not have (a « Préférences » section was recorded as null). Not necessary.
 */
const AGREES: Record<string, Category[]> = {
  necessary: ['necessary'],
  preferences: ['preferences'],
  statistics: ['statistics'],
  advertising: ['advertising'],
  social: ['social'],
  'third-party': ['advertising', 'social', 'non-essential'],
  'first-party': ['preferences', 'non-essential'],
  'not-necessary': ['preferences', 'statistics', 'advertising', 'social', 'non-essential'],
  null: ['unclear', 'preferences'],
};
/** Expected categories that say the cookie needs consent: reading one as necessary is the worst error. */
const DECLARED_NON_ESSENTIAL = new Set(['preferences', 'statistics', 'advertising', 'social', 'third-party', 'first-party', 'not-necessary']);

interface Expected {
  name: string;
  match: 'exact' | 'prefix';
  category: string | null;
}
interface Read {
  pattern: NamePattern;
  category: Category;
}
interface Tally {
  expected: number;
  found: number;
  spurious: number;
  read: number;
  categoriesAgreed: number;
  necessityAgreed: number;
  nonEssentialAsNecessary: number;
}

/** `shared/corpus/real-charters` beside the project, or beside a folder above it: the nearest. */
function defaultDir(): string {
  const candidates: string[] = [];
  for (let at = resolve(import.meta.dirname, '..', '..'); ; at = dirname(at)) {
    candidates.push(join(at, 'shared', 'corpus', 'real-charters'));
    if (dirname(at) === at) break;
  }
  return candidates.find((candidate) => existsSync(join(candidate, 'expected.json'))) ?? candidates[0]!;
}

const dir = resolve(process.env.CORPUS_DIR ?? defaultDir());
if (!existsSync(join(dir, 'expected.json'))) {
  console.log(`Pas de corpus dans ${dir} : rien à mesurer (cette commande ne fait pas partie de npm test).`);
  process.exit(0);
}

const sameName = (e: Expected, p: NamePattern) => (e.match === 'exact' ? 'exact' in p && p.exact === e.name : 'prefix' in p && p.prefix === e.name);
const pct = (n: number, d: number) => (d === 0 ? '—' : `${((100 * n) / d).toFixed(1)} %`);

function measure(file: string, expected: Expected[]): Tally & { missed: string[]; extra: string[]; wrong: string[] } {
  const dom = new JSDOM(readFileSync(join(dir, file), 'utf8'));
  const { charter } = parseCharter(dom.window.document, { site: 'corpus.example', url: `https://corpus.example/${file}`, fetchedAt: new Date(0).toISOString() });
  const read: Read[] = charter.entries.flatMap((entry) => entry.names.map((pattern) => ({ pattern, category: entry.category })));
  const tally = { expected: expected.length, found: 0, spurious: 0, read: read.length, categoriesAgreed: 0, necessityAgreed: 0, nonEssentialAsNecessary: 0 };
  const missed: string[] = [];
  const wrong: string[] = [];
  for (const e of expected) {
    const hit = read.find((r) => sameName(e, r.pattern));
    if (!hit) {
      missed.push(e.name);
      continue;
    }
    tally.found++;
    const key = String(e.category);
    if (AGREES[key]?.includes(hit.category)) tally.categoriesAgreed++;
    else wrong.push(`${e.name} (${key} → ${hit.category})`);
    if ((e.category === 'necessary') === (hit.category === 'necessary')) tally.necessityAgreed++;
    if (DECLARED_NON_ESSENTIAL.has(key) && hit.category === 'necessary') tally.nonEssentialAsNecessary++;
  }
  const extra = read.filter((r) => !expected.some((e) => sameName(e, r.pattern))).map((r) => ('exact' in r.pattern ? r.pattern.exact : `${r.pattern.prefix}*`));
  tally.spurious = extra.length;
  return { ...tally, missed, extra, wrong };
}

/**
 * The layout family of a page: `family` when `expected.json` gives one, else read from the words
 * of its `layout` description, most particular first.
 */
const FAMILIES: [string, RegExp][] = [
  ['texte en colonnes (tabulations, tableau Markdown cassé)', /tab-separated|broken markdown table|pipe-separated/i],
  ['déclaration générée (Cookiebot, CookieYes)', /cookiebot|cookieyes/i],
  ['page sans cookie', /no cookie names/i],
  ['noms dans des phrases', /inside (?:a )?sentence|sentences? naming/i],
  ['listes de noms sous un libellé', /^prose\b.*bullet lists? of (?:bare )?names/i],
  ['lignes et fiches', /^(?:prose|bullets|one bullet|bold-label|records|lines|"|«)/i],
  ['tableau', /\btables?\b/i],
  ['lignes et fiches', /./],
];
const familyOf = (page: { family?: string; layout?: string }) => page.family ?? FAMILIES.find(([, words]) => words.test(page.layout ?? ''))![0];

const empty = (): Tally => ({ expected: 0, found: 0, spurious: 0, read: 0, categoriesAgreed: 0, necessityAgreed: 0, nonEssentialAsNecessary: 0 });
const add = (into: Tally, t: Tally) => {
  for (const key of Object.keys(empty()) as (keyof Tally)[]) into[key] += t[key];
};
const summary = (t: Tally) =>
  [
    `noms trouvés ${t.found}/${t.expected} (rappel ${pct(t.found, t.expected)}),`,
    `parasites ${t.spurious} (précision ${pct(t.read - t.spurious, t.read)}),`,
    `catégories ${pct(t.categoriesAgreed, t.found)},`,
    `nécessaire ou non ${pct(t.necessityAgreed, t.found)},`,
    `non essentiels lus nécessaires ${t.nonEssentialAsNecessary}`,
  ].join(' ');

const { files } = JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8')) as { files: { file: string; family?: string; layout?: string; expected: Expected[] }[] };
const total = empty();
const families = new Map<string, Tally & { pages: number }>();
for (const page of files) {
  const { file, expected } = page;
  const t = measure(file, expected);
  add(total, t);
  const family = familyOf(page);
  const tally = families.get(family) ?? { ...empty(), pages: 0 };
  add(tally, t);
  tally.pages++;
  families.set(family, tally);
  console.log(
    `${file} [${family}]: noms ${t.found}/${t.expected}, parasites ${t.spurious}, catégories ${t.categoriesAgreed}/${t.found}, nécessaire ou non ${t.necessityAgreed}/${t.found}, non essentiels lus nécessaires ${t.nonEssentialAsNecessary}`,
  );
  if (t.missed.length) console.log(`  manqués : ${t.missed.join(', ')}`);
  if (t.extra.length) console.log(`  parasites : ${t.extra.join(', ')}`);
  if (t.wrong.length) console.log(`  catégorie différente : ${t.wrong.join(', ')}`);
}
console.log('');
for (const [family, t] of families) console.log(`${family} (${t.pages} page${t.pages > 1 ? 's' : ''}) : ${summary(t)}`);
console.log(`Total (${files.length} pages) : ${summary(total)}`);
