/**
 * The letter handed to the visitor's mail program as a `mailto:` link. Mail programs and
 * browsers cut or refuse long links: on Windows, Chromium does not open an external link longer
 * than 2048 characters and Outlook takes about as much, so the link stays under 2000 characters
 * there. Elsewhere the mail program takes long links, but a webmail that handles `mailto:` gets
 * the link inside its own address, escaped again, and servers refuse addresses over 8 KB: 4000.
 * A letter that does not fit loses its reference lines first, then its last points, and says
 * that the rest is in the dated report the visitor saves and attaches.
 */
import { t, tn } from '../i18n/messages';

export const MAX_MAILTO_CHARS = 2000;
export const MAX_MAILTO_CHARS_BEYOND_WINDOWS = 4000;

/** The longest link the visitor's system opens whole, by its browser's user agent. */
export function mailtoLimit(userAgent: string): number {
  return /Windows/i.test(userAgent) ? MAX_MAILTO_CHARS : MAX_MAILTO_CHARS_BEYOND_WINDOWS;
}

/** An address the link may carry as it is: a plain mailbox, nothing to escape. */
export const PLAIN_ADDRESS = /^[a-z0-9](?:[a-z0-9._+-]{0,62}[a-z0-9])?@(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,24}$/i;

/**
 * RFC 6068: line breaks in a body are CRLF; everything but unreserved characters escaped. In a
 * link whose length is bounded, the typographic apostrophe (9 characters escaped) and the
 * no-break space (6) give way to the plain apostrophe and space (3) that mail text commonly uses.
 */
const encode = (text: string) =>
  encodeURIComponent(text.replace(/\r?\n/g, '\r\n').replaceAll('\u2019', "'").replaceAll('\u00a0', ' '));

export function mailtoHref(to: string, subject: string, body: string): string {
  if (!PLAIN_ADDRESS.test(to)) throw new Error('adresse invalide');
  return `mailto:${to}?subject=${encode(subject)}&body=${encode(body)}`;
}

export interface FittedMail {
  href: string;
  /** Points left out of the link (in the attached report), and whether reference lines were. */
  leftOut: number;
  shortened: boolean;
}

const POINT = /^\d+\.\s/;
/** A point's reference line, in either language: the visitor may have switched since the letter was drafted. */
const REFERENCE = /^(?:Règles?\u00a0: |Rules?: )/;

/**
 * The link for a letter as the visitor edited it. Its points are the paragraphs that start with
 * a number (« 3. Le cookie… »); a reference line follows each one.
 */
export function fitMailto(to: string, subject: string, body: string, reportName: string, max = MAX_MAILTO_CHARS): FittedMail {
  const whole = mailtoHref(to, subject, body);
  if (whole.length <= max) return { href: whole, leftOut: 0, shortened: false };
  const paragraphs = body.split(/\n\s*\n/);
  const points = paragraphs.map((p, i) => (POINT.test(p) ? i : -1)).filter((i) => i >= 0);
  const withoutReferences = paragraphs.map((p) =>
    POINT.test(p)
      ? p
          .split('\n')
          .filter((line) => !REFERENCE.test(line))
          .join('\n')
      : p,
  );
  const note = (leftOut: number) =>
    leftOut === 0 ? t('letter.mailto.references', reportName) : tn('letter.mailto.leftOut', leftOut, reportName);
  for (let kept = points.length; kept >= 0; kept--) {
    // The note goes right after the last point kept, or where the points began.
    const anchor = kept > 0 ? points[kept - 1]! : (points[0] ?? 1) - 1;
    const parts: string[] = [];
    withoutReferences.forEach((paragraph, i) => {
      const point = points.indexOf(i);
      if (point === -1 || point < kept) parts.push(paragraph);
      if (i === anchor) parts.push(note(points.length - kept));
    });
    const href = mailtoHref(to, subject, parts.join('\n\n'));
    if (href.length <= max) return { href, leftOut: points.length - kept, shortened: true };
  }
  // An edited letter too long even without its points: its beginning, and a word of why it stops.
  const lines = body.split('\n');
  const ending = `\n\n${t('letter.mailto.shortened', reportName)}`;
  while (lines.length > 1 && mailtoHref(to, subject, lines.join('\n') + ending).length > max) lines.pop();
  let text = lines.join('\n');
  while (text.length > 0 && mailtoHref(to, subject, text + ending).length > max) text = [...text].slice(0, -50).join('');
  return { href: mailtoHref(to, subject, text + ending), leftOut: points.length, shortened: true };
}
