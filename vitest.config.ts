import { readdirSync, readFileSync } from 'node:fs';
import { join, sep } from 'node:path';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { svelteTesting } from '@testing-library/svelte/vite';
import { defineConfig, defineProject } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

const UNIT_TESTS = 'tests/unit/**/*.test.ts';

/**
 * Where each unit test file runs, read from the file itself, so a test says what it needs where
 * it is written, wherever it moves. `dom`: DOM and component tests (`// @vitest-environment jsdom`
 * on their first line). `isolated`: the files that replace a module (`vi.mock`: a module already
 * loaded by an earlier file would keep the real one, and the replacement would reach the files
 * after), and a file that says `// @isolate` and why. A file that leaves a module's state behind
 * on purpose drops its modules when it ends (`vi.resetModules()`), and shares. `shared`: the rest.
 */
function unitFiles(): Record<'shared' | 'dom' | 'isolated', string[]> {
  const root = 'tests/unit';
  const files = { shared: [] as string[], dom: [] as string[], isolated: [] as string[] };
  for (const name of readdirSync(root, { recursive: true, encoding: 'utf8' })) {
    if (!name.endsWith('.test.ts')) continue;
    const file = join(root, name).split(sep).join('/');
    const text = readFileSync(file, 'utf8');
    if (/\bvi\.(mock|doMock)\(/.test(text) || /^\/\/ @isolate\b/m.test(text)) files.isolated.push(file);
    else if (text.startsWith('// @vitest-environment jsdom')) files.dom.push(file);
    else files.shared.push(file);
  }
  return files;
}
const files = unitFiles();

const plugins = [WxtVitest(), svelte(), svelteTesting({ autoCleanup: false })];
const common = {
  environment: 'node',
  setupFiles: ['tests/unit/setup.ts'],
  // One test file per core (vitest's default leaves one core to its main process, which has
  // little to do once the files are transformed: on two cores, half the machine stood idle).
  maxWorkers: '100%',
  // A property test runs a few hundred cases: one that takes 2 s on a quiet machine may take more
  // than vitest's 5 s default on a busy one. What is measured stays out of the tests (npm run bench).
  testTimeout: 20_000,
};

/**
 * `npm run test:unit` runs three projects (`--project 'unit*'`) in two groups (`groupOrder`): a
 * worker takes the next file only if it is of its own project, so the DOM files, which share a
 * worker, run after the rest (together, each group on both cores, they took longer: 44 s against
 * 37 s); the isolated file starts afresh anyway and fills the first group's idle core. `unit`:
 * the modules of `lib/` on plain data, under node, every file in the same worker's module graph (`isolate: false`):
 * importing `lib/` and the fake browser once per worker rather than once per file is most of
 * the time these files took. A file leaves nothing behind it for the next: `setup.ts` resets the
 * fake browser, the clock, stubbed globals and the language before each file.
 */
export const unitShared = defineProject({
  plugins,
  test: {
    ...common,
    name: 'unit',
    include: files.shared,
    isolate: false,
    sequence: { groupOrder: 0 },
    // The protocol's type tests: the compiler checks them, and a type error fails the test. It
    // runs after the other files, over that test and what it imports (the handlers, so most of
    // lib/), with the project's compiler options: `npm run check` covers the rest of the project.
    typecheck: { enabled: true, include: ['tests/unit/protocol.test.ts'], tsconfig: './tests/unit/tsconfig.protocol.json' },
  },
});

/** `unit-dom`: DOM and component tests, under one jsdom window per worker. */
export const unitDom = defineProject({
  plugins,
  test: { ...common, name: 'unit-dom', include: files.dom, environment: 'jsdom', isolate: false, sequence: { groupOrder: 1 } },
});

/** `unit-isolated`: the files that replace a module or keep a module's state, each afresh, beside `unit`. */
export const unitIsolated = defineProject({
  plugins,
  test: { ...common, name: 'unit-isolated', include: files.isolated, sequence: { groupOrder: 0 } },
});

/**
 * Every unit, property and component test in one project, each file afresh: the suite mutation
 * testing runs (vitest.mutation.config.ts), where a mutant is switched on and off between tests
 * and a module must not keep what an earlier mutant left.
 */
export const unit = defineProject({
  plugins,
  test: { ...common, name: 'unit', include: [UNIT_TESTS] },
});

export default defineConfig({
  test: {
    projects: [
      unitShared,
      unitDom,
      unitIsolated,
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          // One browser at a time: these machines have two cores.
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
      {
        // `npm run bench`: figures and budgets, run apart from the tests (timing is noisy here).
        test: {
          name: 'bench',
          include: ['bench/run.bench.ts'],
          testTimeout: 600_000,
          hookTimeout: 120_000,
        },
      },
      {
        test: { name: 'screenshots', include: ['tests/screenshots/*.test.ts'], testTimeout: 60_000 },
      },
    ],
  },
});
