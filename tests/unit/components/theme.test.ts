/**
 * The palette of components/theme.css, light and dark: every text colour readable on every
 * background it sits on (4.5:1, WCAG 1.4.3), every meaningful border visible (3:1, WCAG 1.4.11).
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const css = readFileSync(resolve(__dirname, '../../../components/theme.css'), 'utf8');

/** The custom properties of the first `:root { … }` after `from`. */
function palette(from: number): Record<string, string> {
  const start = css.indexOf(':root', from);
  const block = css.slice(css.indexOf('{', start) + 1, css.indexOf('}', start));
  return Object.fromEntries([...block.matchAll(/--([\w-]+):\s*(#[0-9a-f]{6})\s*;/gi)].map((m) => [m[1]!, m[2]!.toLowerCase()]));
}

const light = palette(0);
const dark = { ...light, ...palette(css.indexOf('@media (prefers-color-scheme: dark)')) };

function luminance(hex = ''): number {
  const [r = 0, g = 0, b = 0] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((v) => (v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

function contrast(a: string | undefined, b: string | undefined): number {
  const [hi = 0, lo = 0] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

const backgrounds = ['page', 'card', 'undeclared-bg'];
const texts = ['text', 'muted', 'accent', 'declared', 'undeclared', 'danger'];
const borders = ['control-border', 'accent', 'declared', 'undeclared', 'danger'];

describe.each([
  ['light', light],
  ['dark', dark],
])('the %s theme', (_name, colours) => {
  it('defines every colour the pages use', () => {
    for (const name of [...backgrounds, ...texts, ...borders, 'on-accent', 'line']) expect(colours[name], name).toMatch(/^#[0-9a-f]{6}$/);
  });

  it.each(texts.flatMap((text) => backgrounds.map((bg) => [text, bg])))('%s text on %s is at least 4.5:1', (text = '', bg = '') => {
    expect(contrast(colours[text], colours[bg])).toBeGreaterThanOrEqual(4.5);
  });

  it('button text on the accent is at least 4.5:1', () => {
    expect(contrast(colours['on-accent'], colours.accent)).toBeGreaterThanOrEqual(4.5);
  });

  it.each(borders.flatMap((border) => backgrounds.map((bg) => [border, bg])))('%s border on %s is at least 3:1', (border = '', bg = '') => {
    expect(contrast(colours[border], colours[bg])).toBeGreaterThanOrEqual(3);
  });
});

describe('the dark theme', () => {
  it('is a theme of its own, not the light one', () => {
    expect(dark.page).not.toBe(light.page);
    expect(dark.text).not.toBe(light.text);
  });
});

it('measures contrast as WCAG does', () => {
  expect(contrast('#000000', '#ffffff')).toBeCloseTo(21, 5);
  // The « accepté » green this theme replaced: 3.73:1 on the page.
  expect(contrast('#2f8f5b', '#f4f6f9')).toBeCloseTo(3.73, 2);
});
