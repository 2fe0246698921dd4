import { expect, it } from 'vitest';
import { issyCharter } from '../lib/charter/issy';
import { compileCharter, findEntry } from '../lib/charter/match';
import { guessCookie } from '../lib/audit/knowledge/lookup';
import { decodeTable } from '../lib/audit/knowledge/ocd';
import { OCD_DOMAINS, OCD_FACTS, OCD_NAMES, OCD_OWNERS } from '../lib/audit/knowledge/ocd-table';
import { summarise } from './stats';
import { record } from './results';
import { jar, ocdJar } from './workload';

/** What classification costs: the charter, then the knowledge base, for every cookie. */
function classify(cookies: ReturnType<typeof jar>) {
  const charter = compileCharter(issyCharter);
  let declared = 0;
  let guessed = 0;
  for (const cookie of cookies) {
    if (findEntry(charter, cookie)) declared++;
    else if (guessCookie(cookie.name, cookie.domain)) guessed++;
  }
  return declared + guessed;
}

function time(cookies: ReturnType<typeof jar>, runs: number): number[] {
  classify(cookies); // warm up: compile, JIT
  return Array.from({ length: runs }, () => {
    const start = performance.now();
    classify(cookies);
    return performance.now() - start;
  });
}

it('classifies 10,000 and 100,000 cookies', () => {
  record(summarise('classification, 10 000 cookies', time(jar(10_000), 31), 2));
  record(summarise('classification, 100 000 cookies', time(jar(100_000), 11)));
  expect(classify(jar(1000))).toBeGreaterThan(0);
});

it('looks up 10,000 cookies the Open Cookie Database knows, and reads its table', () => {
  const cookies = ocdJar(10_000);
  record(summarise('classification, 10 000 cookies of the Open Cookie Database', time(cookies, 31), 2,
    'its names, half on their own domains, half on a portal’s'));
  const text = { owners: OCD_OWNERS, domains: OCD_DOMAINS, names: OCD_NAMES, facts: OCD_FACTS };
  decodeTable(text);
  record(summarise('Open Cookie Database: reading and indexing its table (first lookup)', Array.from({ length: 15 }, () => {
    const start = performance.now();
    decodeTable(text);
    return performance.now() - start;
  })));
  expect(cookies.filter((c) => guessCookie(c.name, c.domain)?.ocd).length).toBeGreaterThan(cookies.length / 2);
});
