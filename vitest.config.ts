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
    // The protocol's type tests: the compiler checks them, and a type error fails the test.
    typecheck: { enabled: true, include: ['tests/unit/protocol.test.ts'], tsconfig: './tsconfig.json' },
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
