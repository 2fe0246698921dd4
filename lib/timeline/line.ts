import { dayTime } from '../i18n/format';
import type { CookieTimeline } from '../cookies/timeline';

/** The line a cookie's row shows: when it appeared, or that Témoin was not watching yet. */
export function timelineLine(timeline: CookieTimeline): string {
  if (!timeline.known) return `Déposé avant que Témoin ne commence à observer (le ${dayTime(timeline.since)})`;
  const by = timeline.setBy === 'temoin' ? 'Remis en place par Témoin le' : 'Déposé le';
  const changed = timeline.lastChangedAt > timeline.firstSetAt + 1000 ? `, modifié le ${dayTime(timeline.lastChangedAt)}` : '';
  return `${by} ${dayTime(timeline.firstSetAt)}${changed}`;
}
