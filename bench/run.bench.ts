/**
 * `npm run bench`: every figure Témoin publishes, with its budget. The groups run one after the
 * other in this file so that the browser measurements do not share the two cores with anything.
 */
import { afterAll } from 'vitest';
import { report } from './results';
import './classification.bench';
import './browser.bench';
import './sizes.bench';

afterAll(() => {
  const missed = report();
  if (missed.length) {
    console.log(`Budgets missed: ${missed.join('; ')}`);
    process.exitCode = 1;
  }
});
