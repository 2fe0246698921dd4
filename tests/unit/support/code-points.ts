import fc from 'fast-check';

/** Code points below the surrogates, then the 2,048 surrogates skipped. */
const SURROGATES = 0x800;
const LAST = 0x10ffff - SURROGATES;

function fromIndex(index: number): string {
  return String.fromCodePoint(index < 0xd800 ? index : index + SURROGATES);
}

function toIndex(value: unknown): number {
  if (typeof value !== 'string') throw new TypeError('not a string');
  const codePoint = value.codePointAt(0);
  if (codePoint === undefined || String.fromCodePoint(codePoint) !== value || (codePoint >= 0xd800 && codePoint < 0xe000)) {
    throw new TypeError('not one code point');
  }
  return codePoint < 0xd800 ? codePoint : codePoint - SURROGATES;
}

/**
 * One code point, any but a lone surrogate: the same values, bias and shrinking as fast-check's
 * `unit: 'binary'` (the same index over the same two ranges), read back by arithmetic. fast-check's
 * own unit reads a value back through a table of all 1,112,064 code points, which it builds the
 * first time a string arbitrary is made (seconds of work in every test file that makes one).
 */
export const codePoint = fc.nat({ max: LAST }).map(fromIndex, toIndex);

/** `fc.string({ unit: 'binary', ... })`, without the table (see `codePoint`). */
export const binaryString = (constraints: Omit<fc.StringConstraints, 'unit'> = {}) => fc.string({ ...constraints, unit: codePoint });
