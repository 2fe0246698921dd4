import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeConsentRecord } from '@/lib/audit/consent-record';
import { binaryString } from '../support/code-points';

const encode = (value: unknown) => encodeURIComponent(JSON.stringify(value));

describe('the consent record, decoded', () => {
  it('lists each tracker’s choice and when it was made', () => {
    expect(decodeConsentRecord(encode({ functional_cookies: true, ga: false, matomo: true, timestamp: 1764426000000 }))).toEqual({
      state: 'readable',
      choices: [
        { key: 'functional_cookies', label: 'Cookies fonctionnels', accepted: true },
        { key: 'ga', label: 'Google Analytics', accepted: false },
        { key: 'matomo', label: 'Matomo', accepted: true },
      ],
      madeAt: '2025-11-29T14:20:00.000Z',
    });
  });

  it('reads a timestamp in seconds, and ignores one out of reason', () => {
    expect(decodeConsentRecord(encode({ ga: true, timestamp: 1764426000 }))).toMatchObject({ madeAt: '2025-11-29T14:20:00.000Z' });
    expect(decodeConsentRecord(encode({ ga: true, timestamp: 42 }))).not.toHaveProperty('madeAt');
  });

  it('keeps a key it does not know under its own name', () => {
    expect(decodeConsentRecord(encode({ hotjar: true }))).toMatchObject({ choices: [{ key: 'hotjar', label: 'hotjar', accepted: true }] });
  });

  it.each([
    ['not JSON', '%7Bga'],
    ['truncated', encode({ ga: true }).slice(0, 12)],
    ['bad escape', '%E0%A4%A'],
    ['an array', encode([true])],
    ['null', encode(null)],
    ['a string choice', encode({ ga: 'yes' })],
    ['huge', encode({ ga: true, pad: 'x'.repeat(10_000) })],
  ])('reads « illisible » for %s', (_, value) => {
    expect(decodeConsentRecord(value).state).toBe('unreadable');
  });

  it('never throws, whatever the value', () => {
    fc.assert(
      fc.property(fc.oneof(binaryString({ maxLength: 300 }), fc.json().map(encodeURIComponent)), (value) => {
        const record = decodeConsentRecord(value);
        expect(['readable', 'unreadable']).toContain(record.state);
      }),
      { numRuns: 500 },
    );
    // Generating 500 JSON values takes seconds on a busy machine.
  }, 30_000);
});
