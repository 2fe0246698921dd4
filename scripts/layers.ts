/**
 * `npm run layers`: the floors of `lib/` from ARCHITECTURE.md, the cycles between its files and
 * the imports that point up, each named. tests/unit/layers.test.ts holds them to what
 * ARCHITECTURE.md says.
 */
import { readFileSync } from 'node:fs';
import { cycles, floorsOf, importsOf, upward } from './layers/graph';

const root = process.cwd();
const floors = floorsOf(readFileSync('ARCHITECTURE.md', 'utf8'));
const edges = importsOf(root);
const up = upward(edges, floors);
const loops = cycles(edges);
console.log(`floors, lowest first: ${floors.join(' < ')}`);
console.log(`${edges.length} imports between files of lib/`);
console.log(`${loops.length} cycle${loops.length === 1 ? '' : 's'}`);
for (const loop of loops) console.log(`  ${loop.join(' ⇄ ')}`);
console.log(`${up.length} upward import${up.length === 1 ? '' : 's'}`);
for (const edge of up) console.log(`  ${edge.from} → ${edge.to}`);
