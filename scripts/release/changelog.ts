/** A version's section of CHANGELOG.md: its heading `## <version> — <date>` and its entries. */
export function changelogSection(changelog: string, version: string): { date: string; entries: number } | undefined {
  const lines = changelog.split('\n');
  const start = lines.findIndex((line) => line.startsWith(`## ${version} — `));
  if (start === -1) return undefined;
  const date = lines[start]!.slice(`## ${version} — `.length).trim();
  const next = lines.findIndex((line, i) => i > start && line.startsWith('## '));
  const entries = lines.slice(start + 1, next === -1 ? undefined : next).filter((line) => line.startsWith('- ')).length;
  if (date === '' || entries === 0) return undefined;
  return { date, entries };
}
