import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { held, table, type Figure } from './stats';

const figures: Figure[] = [];
const machineFacts: Record<string, unknown> = {};

export function noteMachine(key: string, value: unknown) {
  machineFacts[key] = value;
}

export function record(figure: Figure) {
  figures.push(figure);
}

/** Prints the table and writes bench-results/latest.json; says which budgets were missed. */
export function report(extra: Record<string, unknown> = {}): string[] {
  const machine = { cores: cpus().length, cpu: cpus()[0]?.model, memoryGiB: Math.round(totalmem() / 2 ** 30), node: process.version, ...machineFacts, ...extra };
  console.log(`\n${table(figures)}\n\nmachine: ${JSON.stringify(machine)}\n`);
  mkdirSync('bench-results', { recursive: true });
  writeFileSync('bench-results/latest.json', JSON.stringify({ date: new Date().toISOString(), machine, figures }, null, 2));
  return figures.filter((f) => held(f) === false).map((f) => f.name);
}
