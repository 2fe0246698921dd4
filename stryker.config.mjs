// @ts-check
/**
 * `npm run mutation`: StrykerJS changes the modules that decide what is deleted, kept or
 * restored, one small change (a mutant) at a time, and runs the unit tests that cover it; a
 * mutant no test notices is a gap in the tests, or a change that does not change behaviour
 * (TESTING.md lists those). Reports in reports/mutation/ (HTML and JSON), not committed.
 * @type {import('@stryker-mutator/api/core').PartialStrykerOptions}
 */
export default {
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.mutation.config.ts', related: true },
  // Only the tests that reach a mutant run for it.
  coverageAnalysis: 'perTest',
  checkers: ['typescript'],
  tsconfigFile: 'tsconfig.json',
  mutate: [
    'lib/actions/**/*.ts',
    'lib/charter/match.ts',
    'lib/charter/choose.ts',
    'lib/audit/classify.ts',
    'lib/cookies/jar.ts',
    'lib/first-visit/**/*.ts',
    'lib/auto-clear/**/*.ts',
    'lib/timeline/**/*.ts',
    'lib/cookies/timeline.ts',
    'lib/cookies/own-changes.ts',
    'lib/audit/timeline-findings.ts',
    'lib/portals/charter.ts',
  ],
  ignorePatterns: ['.output', 'bench-results', 'tests/.tmp', 'reports'],
  reporters: ['html', 'json', 'clear-text', 'progress'],
  htmlReporter: { fileName: 'reports/mutation/index.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  thresholds: { high: 90, low: 80, break: null },
  // This machine has two cores; STRYKER_CONCURRENCY=1 leaves one to the rest.
  concurrency: Number(process.env.STRYKER_CONCURRENCY ?? 2),
  // A mutant that loops is stopped by its hit count (100 times the calls of the first run), not
  // by the clock: on a busy machine, vitest setting up six test files may take minutes, and a
  // short timeout there counts as killed a mutant no test noticed.
  timeoutMS: Number(process.env.STRYKER_TIMEOUT_MS ?? 300_000),
  // The first run of the whole related suite, instrumented, on a busy machine.
  dryRunTimeoutMinutes: 40,
  // A mutant in a module-level constant would need every test file run afresh for each: left out.
  ignoreStatic: true,
  // Only the TypeScript sources need their type checks turned off in the copy.
  disableTypeChecks: '{lib,tests}/**/*.ts',
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always',
};
