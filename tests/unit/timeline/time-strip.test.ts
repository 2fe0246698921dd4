import { describe, expect, it } from 'vitest';
import type { ClassifiedCookie } from '@/lib/audit/classify';
import { MAX_LANES, markKind, stripOf, stripSvg } from '@/lib/timeline/strip';

const at = (ms: number) => ({ known: true as const, firstSetAt: ms, lastChangedAt: ms, setBy: 'site' as const });
function item(name: string, timeline: ClassifiedCookie['timeline'], extra: Partial<ClassifiedCookie> = {}): ClassifiedCookie {
  return {
    id: name,
    cookie: { name, domain: 'data.issy.com', path: '/' },
    declared: true,
    category: 'necessary',
    findings: [],
    ...(timeline && { timeline }),
    ...extra,
  } as ClassifiedCookie;
}

describe('a time strip', () => {
  it('marks each cookie by verdict, the refusal and the setting before a choice first', () => {
    expect(markKind(item('a', undefined))).toBe('necessary');
    expect(markKind(item('a', undefined, { category: 'statistics' }))).toBe('declared');
    expect(markKind(item('a', undefined, { declared: false, category: 'undeclared' }))).toBe('undeclared');
    const before = { rule: 'set-before-choice' as const, text: '' };
    const after = { rule: 'set-after-refusal' as const, text: '' };
    expect(markKind(item('a', undefined, { declared: false, category: 'undeclared', findings: [before] }))).toBe('before-choice');
    expect(markKind(item('a', undefined, { findings: [before, after] }))).toBe('after-refusal');
  });

  it('places the page load, the choice and each cookie in time, from the load to the end', () => {
    const strip = stripOf([item('late', at(9_000)), item('early', at(1_000))], { from: 0, to: 10_000, loadAt: 0, choiceAt: 5_000 });
    expect(strip.marks.map((m) => [m.name, m.x])).toEqual([['early', 0.1], ['late', 0.9]]);
    expect(strip).toMatchObject({ start: 0, end: 10_000, loadAt: 0, choiceAt: 5_000, before: [] });
  });

  it('names, without drawing, the cookies set before the strip starts or never dated', () => {
    const strip = stripOf([item('old', { known: false, since: 0 }), item('new', at(2_000)), item('earlier', at(500))], { from: 1_000, to: 3_000 });
    expect(strip.marks.map((m) => m.name)).toEqual(['new']);
    expect(strip.before.sort()).toEqual(['earlier', 'old']);
  });

  it('stacks marks set at the same moment, on a bounded number of lanes', () => {
    const cookies = Array.from({ length: 10 }, (_, i) => item(`c${i}`, at(1_000)));
    const strip = stripOf(cookies, { from: 0, to: 10_000 });
    expect(new Set(strip.marks.map((m) => m.lane)).size).toBe(MAX_LANES);
    expect(strip.lanes).toBe(MAX_LANES);
    expect(stripOf([item('a', at(1_000)), item('b', at(9_000))], { from: 0, to: 10_000 }).lanes).toBe(1);
  });

  it('draws escaped SVG for the exported reports', () => {
    const svg = stripSvg(stripOf([item('<b>x</b>', at(1_000))], { from: 0, to: 2_000, loadAt: 0 }));
    expect(svg).toContain('<title>&#60;b&#62;x&#60;/b&#62;</title>');
    expect(svg).not.toContain('<b>');
    expect(svg).toContain('class="load"');
  });
});
