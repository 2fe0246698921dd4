/**
 * Two sets of files compared path by path: what one has and the other lacks, and what differs,
 * with where (the first differing line of a text file, else the first differing byte).
 */

export type FileDifference =
  | { path: string; kind: 'only-expected' | 'only-actual' }
  | { path: string; kind: 'different'; where: string };

export function compareFiles(expected: Map<string, Buffer>, actual: Map<string, Buffer>): FileDifference[] {
  const differences: FileDifference[] = [];
  const paths = [...new Set([...expected.keys(), ...actual.keys()])].sort();
  for (const path of paths) {
    const a = expected.get(path);
    const b = actual.get(path);
    if (!b) differences.push({ path, kind: 'only-expected' });
    else if (!a) differences.push({ path, kind: 'only-actual' });
    else if (!a.equals(b)) differences.push({ path, kind: 'different', where: firstDifference(a, b) });
  }
  return differences;
}

const TEXT = /^[\t\n\r\x20-\x7e\x80-\uffff]*$/;

function firstDifference(a: Buffer, b: Buffer): string {
  const sizes = `${a.length} bytes expected, ${b.length} rebuilt`;
  const aText = a.toString('utf8');
  const bText = b.toString('utf8');
  if (TEXT.test(aText) && TEXT.test(bText)) {
    const aLines = aText.split('\n');
    const bLines = bText.split('\n');
    const line = aLines.findIndex((text, i) => text !== bLines[i]);
    const at = line === -1 ? aLines.length : line;
    const left = aLines[at] ?? '';
    const right = bLines[at] ?? '';
    let column = 0;
    while (column < left.length && left[column] === right[column]) column++;
    // A bundle is one long line: show the neighbourhood of the difference, not the line.
    const from = Math.max(0, column - 40);
    return `${sizes}; line ${at + 1}, column ${column + 1}: expected "${left.slice(from, from + 120)}", rebuilt "${right.slice(from, from + 120)}"`;
  }
  let byte = 0;
  while (byte < a.length && byte < b.length && a[byte] === b[byte]) byte++;
  return `${sizes}; first difference at byte ${byte}`;
}

/** One line per difference, for a person reading the command's output. */
export function describeDifference(difference: FileDifference): string {
  if (difference.kind === 'different') return `${difference.path}: differs (${difference.where})`;
  return `${difference.path}: in the ${difference.kind === 'only-expected' ? 'shipped' : 'rebuilt'} archive only`;
}
