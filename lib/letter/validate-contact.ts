/**
 * What the page script says it found is untrusted (the page may lie, or be hostile): the
 * background keeps only a plain mailbox, a web form's address without credentials, and the
 * addresses read on the portal's own origin, each of a bounded size.
 */
import type { PageContactSearch } from '../page/contact';
import type { DpoContact } from '../page/find-contact';
import { PLAIN_ADDRESS } from './mailto';

/** What the popup is told: whom to write to, if anyone, and where Témoin looked. */
export interface DpoSearch {
  contact?: DpoContact;
  looked: string[];
  /** The page could not be asked (it went away, or did not answer in time). */
  unanswered?: boolean;
}

const MAX_URL = 2000;
const MAX_LOOKED = 8;

function sameOrigin(value: unknown, origin: string): string | undefined {
  if (typeof value !== 'string' || value.length > MAX_URL) return undefined;
  try {
    const url = new URL(value);
    return url.origin === origin && !url.username && !url.password ? url.href : undefined;
  } catch {
    return undefined;
  }
}

function webForm(value: unknown): string | undefined {
  if (typeof value !== 'string' || value.length > MAX_URL) return undefined;
  try {
    const url = new URL(value);
    return (url.protocol === 'https:' || url.protocol === 'http:') && !url.username && !url.password ? url.href : undefined;
  } catch {
    return undefined;
  }
}

function contactOf(value: unknown, origin: string): DpoContact | undefined {
  const c = value as Record<string, unknown> | undefined;
  const foundOn = sameOrigin(c?.foundOn, origin);
  if (!foundOn) return undefined;
  if (c?.kind === 'email' && typeof c.address === 'string' && c.address.length <= 254 && PLAIN_ADDRESS.test(c.address)) {
    return { kind: 'email', address: c.address, foundOn };
  }
  const url = c?.kind === 'form' ? webForm(c.url) : undefined;
  return url ? { kind: 'form', url, foundOn } : undefined;
}

/** The page's answer for a tab on `origin`, kept only as far as it is what it should be. */
export function validateContactSearch(value: unknown, origin: string): DpoSearch {
  const answer = value as Partial<PageContactSearch> | undefined;
  const looked = (Array.isArray(answer?.looked) ? answer.looked : [])
    .map((url) => sameOrigin(url, origin))
    .filter((url): url is string => url !== undefined)
    .slice(0, MAX_LOOKED);
  const contact = contactOf(answer?.contact, origin);
  return { ...(contact && { contact }), looked };
}
