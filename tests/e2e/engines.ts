import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { launchChromium } from './chromium';
import { launchFirefox } from './firefox';
import type { ExtensionBrowser, LaunchOptions, Ports } from './harness';

export function built(dir: string): string {
  const path = resolve('.output', dir);
  if (!existsSync(resolve(path, 'manifest.json'))) throw new Error(`No build in ${path}: run \`npm run build\` first.`);
  return path;
}

/** Each engine with the build it loads (`npm run build` makes them). */
const all: [string, (ports: Ports, options?: LaunchOptions) => Promise<ExtensionBrowser>][] = [
  ['chromium', (ports, options) => launchChromium(built('chrome-mv3'), ports, [], options)],
  ['firefox', (ports, options) => launchFirefox(built('firefox-mv2'), ports, options)],
  ['firefox-mv3', (ports, options) => launchFirefox(built('firefox-mv3'), ports, options)],
];

/**
 * The engines the e2e tests run in: all three, or those `E2E_BROWSERS` names
 * (`E2E_BROWSERS=firefox-mv3 npx vitest run --project e2e tests/e2e/toolbar.test.ts`).
 */
const chosen = process.env.E2E_BROWSERS?.split(',').map((name) => name.trim()).filter(Boolean);
for (const name of chosen ?? []) if (!all.some(([known]) => known === name)) throw new Error(`E2E_BROWSERS: no engine ${name} (${all.map(([n]) => n).join(', ')})`);
export const engines = chosen ? all.filter(([name]) => chosen.includes(name)) : all;
