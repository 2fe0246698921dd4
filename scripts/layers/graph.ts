import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

/**
 * The shape of `lib/` as ARCHITECTURE.md draws it: its floors, read from the folder list there
 * (one folder or root file per line, the lowest first), and the imports that break it: cycles
 * between files, and imports that point from a floor to a higher one. Type imports count: they
 * tie the modules as much as any other.
 */

/** One import of one file by another, inside `lib/`, paths relative to the project. */
export interface Edge {
  from: string;
  to: string;
}

/** The floors of `lib/`, lowest first: each entry of ARCHITECTURE.md's list (`cookies/`, `protocol.ts`). */
export function floorsOf(architecture: string): string[] {
  const block = /## `lib\/`[\s\S]*?```\n([\s\S]*?)```/.exec(architecture)?.[1];
  if (!block) throw new Error('ARCHITECTURE.md has no list of lib/’s folders.');
  return [...block.matchAll(/^([\w.-]+\/?)(?=\s)/gm)].map((m) => m[1]!.replace(/\/$/, ''));
}

function sources(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    return statSync(path).isDirectory() ? sources(path) : /\.(ts|svelte)$/.test(name) ? [path] : [];
  });
}

/** Every import between two files of `lib/` (static, dynamic, re-exports, types). */
export function importsOf(root: string): Edge[] {
  const lib = join(root, 'lib');
  const edges = new Map<string, Edge>();
  for (const file of sources(lib)) {
    const text = readFileSync(file, 'utf8');
    for (const [, spec] of text.matchAll(/(?:\bfrom\s*|\bimport\s*\(\s*|^import\s+)'((?:\.{1,2}|@)\/[^']+)'/gm)) {
      const base = spec!.startsWith('@/') ? join(root, spec!.slice(2)) : resolve(dirname(file), spec!);
      const target = [base, `${base}.ts`].find((path) => existsSync(path) && statSync(path).isFile());
      if (!target || !target.startsWith(`${lib}/`)) continue;
      const edge = { from: relative(root, file), to: relative(root, target) };
      edges.set(`${edge.from} ${edge.to}`, edge);
    }
  }
  return [...edges.values()];
}

/** The floor of a file of `lib/`: its folder, or itself at the root (`lib/protocol.ts` → `protocol.ts`). */
export function floorOf(file: string): string {
  return file.split('/')[1]!;
}

/** Imports from a floor to a higher one; a file whose floor the list omits is an error. */
export function upward(edges: Edge[], floors: string[]): Edge[] {
  const level = (file: string) => {
    const at = floors.indexOf(floorOf(file));
    if (at < 0) throw new Error(`${file}: ARCHITECTURE.md does not place ${floorOf(file)} on a floor.`);
    return at;
  };
  return edges.filter((edge) => level(edge.to) > level(edge.from));
}

/** The groups of files that import each other, directly or round about (Tarjan's components of more than one file, or a file importing itself). */
export function cycles(edges: Edge[]): string[][] {
  const next = new Map<string, string[]>();
  for (const { from, to } of edges) next.set(from, [...(next.get(from) ?? []), to]);
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  let counter = 0;
  const visit = (file: string) => {
    index.set(file, counter);
    low.set(file, counter++);
    stack.push(file);
    onStack.add(file);
    for (const to of next.get(file) ?? []) {
      if (!index.has(to)) {
        visit(to);
        low.set(file, Math.min(low.get(file)!, low.get(to)!));
      } else if (onStack.has(to)) low.set(file, Math.min(low.get(file)!, index.get(to)!));
    }
    if (low.get(file) !== index.get(file)) return;
    const group: string[] = [];
    let member: string;
    do {
      member = stack.pop()!;
      onStack.delete(member);
      group.push(member);
    } while (member !== file);
    if (group.length > 1 || (next.get(file) ?? []).includes(file)) found.push(group.sort());
  };
  for (const file of new Set(edges.flatMap((edge) => [edge.from, edge.to]))) if (!index.has(file)) visit(file);
  return found;
}
