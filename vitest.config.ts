import { svelte } from '@sveltejs/vite-plugin-svelte';
import { svelteTesting } from '@testing-library/svelte/vite';
import { defineConfig, defineProject } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

/** Unit, property and component tests: `npm run test:unit`, and the suite mutation testing runs. */
export const unit = defineProject({
  plugins: [WxtVitest(), svelte(), svelteTesting({ autoCleanup: false })],
  test: {
    name: 'unit',
    include: ['tests/unit/**/*.test.ts'],
    // Plain modules under node; a DOM or component test says `// @vitest-environment jsdom` on its first line.
    environment: 'node',
    setupFiles: ['tests/unit/setup.ts'],
    // One test file per core (vitest's default leaves one core to its main process, which has
    // little to do once the files are transformed: on two cores, half the machine stood idle).
    maxWorkers: '100%',
    // The protocol's type tests: the compiler checks them, and a type error fails the test. It
    // runs after the other files, over that test and what it imports (the handlers, so most of
    // lib/), with the project's compiler options: `npm run check` covers the rest of the project.
    typecheck: { enabled: true, include: ['tests/unit/protocol.test.ts'], tsconfig: './tests/unit/tsconfig.protocol.json' },
  },
});

export default defineConfig({
  test: {
    projects: [
      unit,
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
