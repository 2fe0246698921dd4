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
export const engines: [string, (ports: Ports, options?: LaunchOptions) => Promise<ExtensionBrowser>][] = [
  ['chromium', (ports, options) => launchChromium(built('chrome-mv3'), ports, [], options)],
  ['firefox', (ports, options) => launchFirefox(built('firefox-mv2'), ports, options)],
  ['firefox-mv3', (ports, options) => launchFirefox(built('firefox-mv3'), ports, options)],
];
