import { expect, it } from 'vitest';
import { issyCharter } from '../lib/charter/issy';
import { compileCharter, findEntry } from '../lib/charter/match';
import { guessCookie } from '../lib/audit/knowledge/lookup';
import { summarise } from './stats';
import { record } from './results';
import { jar } from './workload';

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

function time(size: number, runs: number): number[] {
  const cookies = jar(size);
  classify(cookies); // warm up: compile, JIT
  return Array.from({ length: runs }, () => {
    const start = performance.now();
    classify(cookies);
    return performance.now() - start;
  });
}

it('classifies 10,000 and 100,000 cookies', () => {
  record(summarise('classification, 10 000 cookies', time(10_000, 31), 2));
  record(summarise('classification, 100 000 cookies', time(100_000, 11)));
  expect(classify(jar(1000))).toBeGreaterThan(0);
});
