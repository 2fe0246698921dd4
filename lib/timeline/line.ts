import { dayTime } from '../i18n/format';
import { t } from '../i18n/messages';
import type { CookieTimeline } from '../cookies/timeline';

/** The line a cookie's row shows: when it appeared, or that Témoin was not watching yet. */
export function timelineLine(timeline: CookieTimeline): string {
  if (!timeline.known) return t('timeline.line.before', dayTime(timeline.since));
  const set = dayTime(timeline.firstSetAt);
  if (timeline.lastChangedAt > timeline.firstSetAt + 1000) {
    const changed = dayTime(timeline.lastChangedAt);
    return timeline.setBy === 'temoin' ? t('timeline.line.restoredChanged', set, changed) : t('timeline.line.setChanged', set, changed);
  }
  return timeline.setBy === 'temoin' ? t('timeline.line.restored', set) : t('timeline.line.set', set);
}
