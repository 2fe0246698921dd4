import { storage } from 'wxt/utils/storage';
import { issyCharter } from '../charter/issy';
import type { Charter } from '../charter/model';

/** A portal the visitor asked Témoin to analyse, granting it the site's permission. */
export interface Portal {
  host: string;
  /** `https://portal.example` */
  origin: string;
  addedAt: string;
}

export const portals = storage.defineItem<Portal[]>('local:portals', { fallback: [], version: 1 });

/** What Témoin knows of a covered site before reading its charter. */
export interface Coverage {
  site: string;
  /** A copy shipped with Témoin, for sites it was built for. */
  bundled?: Charter;
}

/** The sites Témoin ships a charter for. */
export const builtInCharters: readonly Charter[] = [issyCharter];

export async function coverageOf(host: string): Promise<Coverage | undefined> {
  host = host.toLowerCase();
  const bundled = builtInCharters.find((charter) => charter.site === host);
  if (bundled) return { site: host, bundled };
  return (await portals.getValue()).some((portal) => portal.host === host) ? { site: host } : undefined;
}

/** Every covered site: the built-in ones, then the visitor's. */
export async function coveredSites(): Promise<Coverage[]> {
  const added = await portals.getValue();
  return [...builtInCharters.map((bundled) => ({ site: bundled.site, bundled })), ...added.map((p) => ({ site: p.host }))];
}

/** The match pattern of an origin's permission: `https://portal.example/*`. */
export function originPattern(origin: string): string {
  return `${origin}/*`;
}
