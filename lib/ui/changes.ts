import { changesItem } from '../changes';
import { concernsSite } from '../cookies/scope';

/**
 * The background's signal that cookies changed (lib/changes.ts), for a page: `changed` runs for
 * each that concerns one of the registrable domains it shows (any, when it shows none yet),
 * except a command's while the page waits for the answer to one of its own: it reads again with
 * that answer (lib/ui/command.ts), once. Returns the function that stops watching.
 */
export function watchChanges(changed: () => void, page: { domains: () => string[]; busy: () => boolean }): () => void {
  return changesItem.watch((changes) => {
    if (!changes || (changes.command && page.busy())) return;
    const domains = page.domains();
    if (changes.cookies && domains.length && !changes.cookies.some((c) => domains.some((domain) => concernsSite(c, domain)))) return;
    changed();
  });
}
