/**
 * A time strip: the page load, the visitor's choice (or its absence) and each cookie as a mark
 * at the moment it was set, by verdict. Plain data: the popup draws it in SVG
 * (components/TimeStrip.svelte), the exported reports in their HTML (stripSvg), and both give
 * the same facts as a list for screen readers.
 */
import type { ClassifiedCookie } from '../audit/classify';
import { t } from '../i18n/messages';

/** How a mark is drawn: each verdict its colour and its shape, so that colour is never the only sign. */
export type MarkKind = 'necessary' | 'declared' | 'undeclared' | 'before-choice' | 'after-refusal';

/** A mark's verdict in words, in the language spoken (asked when drawn: the table loads after the modules). */
export function markLabel(kind: MarkKind): string {
  return {
    necessary: t('timeline.mark.necessary'),
    declared: t('timeline.mark.declared'),
    undeclared: t('timeline.mark.undeclared'),
    'before-choice': t('timeline.mark.beforeChoice'),
    'after-refusal': t('timeline.mark.afterRefusal'),
  }[kind];
}

/** The order of the legend: what matters most last, where the eye ends. */
export const markOrder: MarkKind[] = ['necessary', 'declared', 'undeclared', 'before-choice', 'after-refusal'];

export interface StripMark {
  id: string;
  name: string;
  at: number;
  kind: MarkKind;
  /** Where on the strip, from 0 (its start) to 1 (its end). */
  x: number;
  /** Which row of marks, from 0: marks too close to each other are stacked. */
  lane: number;
}

export interface Strip {
  start: number;
  end: number;
  /** The page load, when the strip knows it (a first-visit test reloads the page). */
  loadAt?: number;
  /** The visitor's choice, when made within the strip's time. */
  choiceAt?: number;
  marks: StripMark[];
  /** Cookies already there before the strip's start: named, not drawn. */
  before: string[];
  lanes: number;
}

export function markKind(c: Pick<ClassifiedCookie, 'declared' | 'category' | 'findings'>): MarkKind {
  if (c.findings.some((f) => f.rule === 'set-after-refusal')) return 'after-refusal';
  if (c.findings.some((f) => f.rule === 'set-before-choice')) return 'before-choice';
  if (!c.declared) return 'undeclared';
  return c.category === 'necessary' ? 'necessary' : 'declared';
}

/** Marks closer than this (a fraction of the strip) go on the next lane. */
const CLOSE = 0.04;
export const MAX_LANES = 4;

/**
 * The strip of a list of cookies, each dated by its timeline. `from`: where the strip starts
 * (the page load of a test); without it, at the earliest moment it shows.
 */
export function stripOf(
  cookies: readonly Pick<ClassifiedCookie, 'id' | 'cookie' | 'declared' | 'category' | 'findings' | 'timeline'>[],
  { from, to, loadAt, choiceAt }: { from?: number; to: number; loadAt?: number; choiceAt?: number },
): Strip {
  const dated = cookies
    .map((c) => ({ c, at: c.timeline?.known ? c.timeline.firstSetAt : undefined }))
    .sort((a, b) => (a.at ?? -Infinity) - (b.at ?? -Infinity) || a.c.cookie.name.localeCompare(b.c.cookie.name, 'fr'));
  const known = dated.filter((d): d is { c: (typeof dated)[number]['c']; at: number } => d.at !== undefined && (from === undefined || d.at >= from));
  const times = [...known.map((d) => d.at), ...(loadAt !== undefined ? [loadAt] : []), ...(choiceAt !== undefined ? [choiceAt] : [])];
  const start = from ?? (times.length ? Math.min(...times) : to);
  const end = Math.max(to, ...times, start + 1);
  const span = end - start;
  const lastInLane: number[] = [];
  const marks = known.map(({ c, at }) => {
    const x = (at - start) / span;
    let lane = lastInLane.findIndex((last) => x - last >= CLOSE);
    if (lane === -1) lane = lastInLane.length < MAX_LANES ? lastInLane.length : lastInLane.indexOf(Math.min(...lastInLane));
    lastInLane[lane] = x;
    return { id: c.id, name: c.cookie.name, at, kind: markKind(c), x, lane };
  });
  return {
    start,
    end,
    ...(loadAt !== undefined && { loadAt }),
    ...(choiceAt !== undefined && choiceAt >= start && choiceAt <= end && { choiceAt }),
    marks,
    before: dated.filter((d) => !known.includes(d as never)).map((d) => d.c.cookie.name),
    lanes: Math.max(1, lastInLane.length),
  };
}

/** The points of each shape, centred on (0, 0), of about 10 units. */
export const shapes: Record<MarkKind, string> = {
  necessary: 'circle',
  declared: 'M-4 -4H4V4H-4Z',
  undeclared: 'M0 -5L5 4H-5Z',
  'before-choice': 'M0 -5.5L5.5 0L0 5.5L-5.5 0Z',
  'after-refusal': 'M-4.5 -3L-3 -4.5L0 -1.5L3 -4.5L4.5 -3L1.5 0L4.5 3L3 4.5L0 1.5L-3 4.5L-4.5 3L-1.5 0Z',
};

/** The strip's drawing size, in SVG units: wide, as a line of the page. */
export const STRIP_WIDTH = 360;
export const LANE_HEIGHT = 13;

export function stripHeight(strip: Pick<Strip, 'lanes'>): number {
  return 14 + strip.lanes * LANE_HEIGHT;
}

/** Where a mark is drawn, in SVG units. */
export function markPosition(mark: Pick<StripMark, 'x' | 'lane'>): { x: number; y: number } {
  return { x: 8 + mark.x * (STRIP_WIDTH - 16), y: 12 + mark.lane * LANE_HEIGHT };
}

export function lineX(strip: Pick<Strip, 'start' | 'end'>, at: number): number {
  return 8 + ((at - strip.start) / (strip.end - strip.start)) * (STRIP_WIDTH - 16);
}

const escape = (value: unknown) => String(value).replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);

/**
 * The strip as SVG markup with fixed colours (stripCss), for the exported HTML reports. Decorative: the page lists the same facts.
 */
export function stripSvg(strip: Strip): string {
  const h = stripHeight(strip);
  const mark = (m: StripMark) => {
    const { x, y } = markPosition(m);
    const shape = shapes[m.kind] === 'circle' ? `<circle r="4.5"/>` : `<path d="${shapes[m.kind]}"/>`;
    return `<g class="mark ${m.kind}" transform="translate(${x.toFixed(1)} ${y})"><title>${escape(m.name)}</title>${shape}</g>`;
  };
  const line = (at: number | undefined, cls: string) =>
    at === undefined ? '' : `<line class="${cls}" x1="${lineX(strip, at).toFixed(1)}" x2="${lineX(strip, at).toFixed(1)}" y1="0" y2="${h}"/>`;
  return `<svg class="strip" viewBox="0 0 ${STRIP_WIDTH} ${h}" width="${STRIP_WIDTH * 2}" aria-hidden="true">
<line class="axis" x1="8" x2="${STRIP_WIDTH - 8}" y1="${h - 4}" y2="${h - 4}"/>${line(strip.loadAt, 'load')}${line(strip.choiceAt, 'choice')}
${strip.marks.map(mark).join('')}</svg>`;
}

/** The colours of the exported pages' strips (light pages, as the rest of the export). */
export const stripCss =
  '.strip{max-width:100%;height:auto}.strip .axis{stroke:#555e6e}.strip .load{stroke:#555e6e;stroke-dasharray:3 2}.strip .choice{stroke:#1f5fbf;stroke-width:2}' +
  '.mark.necessary{fill:#1e6b43}.mark.declared{fill:#1f5fbf}.mark.undeclared{fill:#a4461a}.mark.before-choice,.mark.after-refusal{fill:#b42318}' +
  'figure{margin:1rem 0}.ends{display:flex;justify-content:space-between;max-width:720px;margin:0;color:#555e6e}.legend{color:#555e6e}';

/**
 * The strip as a figure of an exported page: the drawing, its two ends, and its legend in
 * words; the page's table gives each moment in words.
 */
export function stripFigure(strip: Strip, when: (at: number) => string, caption: string): string {
  if (strip.marks.length === 0) return '';
  const kinds = markOrder.filter((k) => strip.marks.some((m) => m.kind === k));
  const key = (kind: MarkKind) =>
    `<svg viewBox="-6 -6 12 12" width="12" height="12" aria-hidden="true"><g class="mark ${kind}">${shapes[kind] === 'circle' ? '<circle r="4.5"/>' : `<path d="${shapes[kind]}"/>`}</g></svg>`;
  const legend = [
    ...(strip.loadAt !== undefined ? [escape(t('timeline.legendLoad'))] : []),
    escape(strip.choiceAt !== undefined ? t('timeline.legendChoice') : t('timeline.noChoice')),
    ...kinds.map((k) => `${key(k)} ${escape(markLabel(k))}`),
  ];
  return `<figure><figcaption>${escape(caption)}</figcaption>
${stripSvg(strip)}
<p class="ends"><span>${escape(when(strip.start))}</span><span>${escape(when(strip.end))}</span></p>
<p class="legend">${legend.join(' · ')}</p></figure>`;
}
