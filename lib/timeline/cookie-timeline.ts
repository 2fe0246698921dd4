import { queueIdle } from '../actions/queue';
import { coveredDomains } from '../portals/coverage';
import { timelineItem, timelineWatch, type TimelineWatch } from './watch';

let watch: TimelineWatch | undefined;

/** The background's cookie timeline, started on first use (lib/timeline/watch.ts). */
export function cookieTimeline(): TimelineWatch {
  return (watch ??= timelineWatch({
    load: () => timelineItem.getValue(),
    save: (timeline) => timelineItem.setValue(timeline),
    domains: coveredDomains,
    now: () => Date.now(),
    idle: queueIdle,
  }));
}
