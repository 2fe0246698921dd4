import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { launchChromium } from './chromium';
import { launchFirefox } from './firefox';
import type { ExtensionBrowser, Ports } from './harness';

export function built(dir: string): string {
  const path = resolve('.output', dir);
  if (!existsSync(resolve(path, 'manifest.json'))) throw new Error(`No build in ${path}: run \`npm run build\` first.`);
  return path;
}

/** Each engine with the build it loads (`npm run build` makes them). */
export const engines: [string, (ports: Ports) => Promise<ExtensionBrowser>][] = [
  ['chromium', (ports) => launchChromium(built('chrome-mv3'), ports)],
  ['firefox', (ports) => launchFirefox(built('firefox-mv2'), ports)],
  ['firefox-mv3', (ports) => launchFirefox(built('firefox-mv3'), ports)],
];
