import type { Charter, CharterEntry, NamePattern } from './model';

/** What a newer copy of a charter declares differently, cookie by cookie. */
export interface CharterChanges {
  added: string[];
  removed: string[];
  changed: { name: string; fields: ChangedField[] }[];
}

type ChangedField = 'provider' | 'service' | 'purpose' | 'category' | 'duration';
const FIELDS: ChangedField[] = ['provider', 'service', 'purpose', 'category', 'duration'];

/** One key per pattern: the name itself, or `prefix*` for a rule such as "starting with _hs". */
function keyOf(pattern: NamePattern): string {
  return 'exact' in pattern ? pattern.exact : `${pattern.prefix}*`;
}

/** Each pattern's entry; when a charter declares a name twice, its first declaration counts. */
function byPattern(charter: Charter): Map<string, CharterEntry> {
  const entries = new Map<string, CharterEntry>();
  for (const entry of charter.entries) {
    for (const pattern of entry.names) {
      const key = keyOf(pattern);
      if (!entries.has(key)) entries.set(key, entry);
    }
  }
  return entries;
}

export function diffCharters(before: Charter, after: Charter): CharterChanges {
  const old = byPattern(before);
  const now = byPattern(after);
  const changes: CharterChanges = { added: [], removed: [], changed: [] };
  for (const [name, entry] of now) {
    const previous = old.get(name);
    if (!previous) {
      changes.added.push(name);
      continue;
    }
    // A missing optional field and an empty one say the same thing.
    const fields = FIELDS.filter((field) => (previous[field] ?? '') !== (entry[field] ?? ''));
    if (fields.length > 0) changes.changed.push({ name, fields });
  }
  for (const name of old.keys()) if (!now.has(name)) changes.removed.push(name);
  return changes;
}

export function hasChanges(changes: CharterChanges): boolean {
  return changes.added.length > 0 || changes.removed.length > 0 || changes.changed.length > 0;
}
