import { describe, expect, it } from 'vitest';
import { ATTENTION } from '@/lib/audit/attention';
import { rules, type RuleId } from '@/lib/audit/rules';

describe('the rules that call for attention', () => {
  it('are exactly those rules.ts gives the level « attention »', () => {
    const ids = Object.keys(rules) as RuleId[];
    expect(ids.filter((id) => ATTENTION.has(id))).toEqual(ids.filter((id) => rules[id].level === 'attention'));
    expect([...ATTENTION].every((id) => id in rules)).toBe(true);
  });
});
