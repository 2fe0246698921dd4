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

type Engine = [string, (ports: Ports, options?: LaunchOptions) => Promise<ExtensionBrowser>];

/** Each engine with the build it loads (`npm run build` makes them). */
const all: Engine[] = [
  ['chromium', (ports, options) => launchChromium(built('chrome-mv3'), ports, [], options)],
  ['firefox', (ports, options) => launchFirefox(built('firefox-mv2'), ports, options)],
  ['firefox-mv3', (ports, options) => launchFirefox(built('firefox-mv3'), ports, options)],
];

/**
 * The engines the e2e tests run in: all of them, or those `E2E_BROWSERS` names, comma-separated
 * (`E2E_BROWSERS=chromium`, `E2E_BROWSERS=firefox,firefox-mv3`).
 */
function chosen(names = process.env.E2E_BROWSERS): Engine[] {
  if (!names?.trim()) return all;
  const wanted = names.split(',').map((name) => name.trim());
  const unknown = wanted.filter((name) => !all.some(([known]) => known === name));
  if (unknown.length) throw new Error(`E2E_BROWSERS: unknown engine ${unknown.join(', ')} (known: ${all.map(([name]) => name).join(', ')})`);
  return all.filter(([name]) => wanted.includes(name));
}

export const engines: Engine[] = chosen();

/**
 * The engines for tests of what the extension's pages show and how (layout, text, accessibility):
 * one per renderer, among those chosen. The Firefox MV2 and MV3 builds draw the same pages with
 * the same Gecko engine and differ only in their background (a persistent page or an event page
 * Firefox may suspend), which such tests leave to the files that exercise it in all three builds;
 * the MV3 build stands for Gecko when both are chosen (`E2E_BROWSERS=firefox` keeps the MV2 one).
 */
export const pageEngines: Engine[] = engines.filter(([name]) => name !== 'firefox' || !engines.some(([other]) => other === 'firefox-mv3'));
