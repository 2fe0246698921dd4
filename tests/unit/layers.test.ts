/**
 * lib/ as ARCHITECTURE.md draws it: no two files import each other, directly or round about,
 * and no module imports from a floor above its own (the list of folders there, lowest first).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cycles, floorsOf, importsOf, upward, type Edge } from '../../scripts/layers/graph';

const floors = floorsOf(readFileSync('ARCHITECTURE.md', 'utf8'));
const edges = importsOf(process.cwd());

describe('lib/, floor by floor', () => {
  it('places every folder and root file of lib/ on a floor', () => {
    expect(() => upward(edges, floors)).not.toThrow();
    expect(floors).toContain('cookies');
    expect(edges.length).toBeGreaterThan(300);
  });

  it('has no cycle between files', () => {
    expect(cycles(edges)).toEqual([]);
  });

  it('has no import that points up', () => {
    expect(upward(edges, floors)).toEqual([]);
  });

  it('would see a cycle and an upward import', () => {
    const loop: Edge[] = [
      { from: 'lib/audit/classify.ts', to: 'lib/audit/findings.ts' },
      { from: 'lib/audit/findings.ts', to: 'lib/audit/classify.ts' },
    ];
    expect(cycles(loop)).toEqual([['lib/audit/classify.ts', 'lib/audit/findings.ts']]);
    expect(upward([{ from: 'lib/cookies/jar.ts', to: 'lib/timeline/watch.ts' }], floors)).toHaveLength(1);
  });
});
