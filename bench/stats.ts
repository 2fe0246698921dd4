/** Small helpers for `npm run bench`: repeated timings and their summary. */

export interface Figure {
  name: string;
  unit: 'ms' | 'KB' | 'B';
  median: number;
  min?: number;
  max?: number;
  runs?: number;
  /** The figure must stay at or under this. */
  budget?: number;
  note?: string;
}

export function summarise(name: string, samples: number[], budget?: number, note?: string): Figure {
  const sorted = [...samples].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const median = sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  return {
    name,
    unit: 'ms',
    median,
    min: sorted[0]!,
    max: sorted.at(-1)!,
    runs: sorted.length,
    ...(budget !== undefined && { budget }),
    ...(note && { note }),
  };
}

export function held(figure: Figure): boolean | undefined {
  return figure.budget === undefined ? undefined : figure.median <= figure.budget;
}

function fmt(n: number | undefined, unit: string): string {
  if (n === undefined) return '';
  return unit === 'ms' ? n.toFixed(n < 10 ? 2 : 1) : n.toFixed(unit === 'KB' ? 1 : 0);
}

export function table(figures: Figure[]): string {
  const rows = figures.map((f) => [
    f.name,
    `${fmt(f.median, f.unit)} ${f.unit}`,
    f.min === undefined ? '' : `${fmt(f.min, f.unit)}–${fmt(f.max, f.unit)}`,
    f.runs === undefined ? '' : String(f.runs),
    f.budget === undefined ? '' : `≤ ${fmt(f.budget, f.unit)} ${f.unit}`,
    held(f) === undefined ? '' : held(f) ? 'held' : 'MISSED',
    f.note ?? '',
  ]);
  const head = ['figure', 'median', 'min–max', 'runs', 'budget', '', 'note'];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
  return [line(head), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}
