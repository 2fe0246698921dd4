import { coveredSites } from './coverage';
import { registrableDomain } from '../cookies/site';
import { timelineItem, timelineWatch, type TimelineWatch } from '../timeline/watch';

let watch: TimelineWatch | undefined;

/** The background's cookie timeline, started on first use (lib/timeline/watch.ts). */
export function cookieTimeline(): TimelineWatch {
  return (watch ??= timelineWatch({
    load: () => timelineItem.getValue(),
    save: (timeline) => timelineItem.setValue(timeline),
    domains: async () => [...new Set((await coveredSites()).map((c) => registrableDomain(c.site)))],
    now: () => Date.now(),
  }));
}
