import type { RuleId } from './rules';

/**
 * The rules whose findings call for attention; the others inform. Apart from rules.ts, whose
 * titles and sources a row's first lines do not need: the popup loads those with the row's
 * details. tests/unit/audit/attention.test.ts checks that both say the same.
 */
export const ATTENTION: ReadonlySet<RuleId> = new Set<RuleId>([
  'undeclared',
  'category-differs',
  'lifetime-differs',
  'audience-over-13-months',
  'present-without-consent',
  'set-before-choice',
  'set-after-refusal',
  'deceptive-name',
  'impossible-date',
]);
