import { defineConfig, mergeConfig } from 'vitest/config';
import { unit } from './vitest.config.ts';

/**
 * The unit project alone, for `npm run mutation` (stryker.config.mjs): the e2e, bench and
 * screenshot projects need built extensions and browsers, and the type tests no running code.
 * Mutation testing runs in a copy of the project whose node_modules is a link to this one:
 * modules are resolved through the link, so they stay inside the copy's root.
 */
export default defineConfig(
  mergeConfig(unit, {
    resolve: { preserveSymlinks: true },
    // Instrumented code runs slower, and the machine may be busy.
    // One worker per mutant run, as StrykerJS asks: it runs several at once itself.
    test: { typecheck: { enabled: false }, testTimeout: 60_000, maxWorkers: 1 },
  }),
);
