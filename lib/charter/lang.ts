/**
 * The language a charter page is written in, from its `<html lang>` (or `xml:lang`, or a
 * `Content-Language` meta), so that its words are shown under the right language: a screen
 * reader reads an English charter with an English voice.
 */
const LANGUAGE_TAG = /^[a-z]{2,3}(-[a-z0-9]{1,8}){0,3}$/i;

export function charterLang(doc: Document): string | undefined {
  const html = doc.documentElement;
  const candidates = [
    html?.getAttribute('lang'),
    html?.getAttribute('xml:lang'),
    doc.querySelector('meta[http-equiv="content-language" i]')?.getAttribute('content')?.split(',')[0],
  ];
  for (const candidate of candidates) {
    const tag = candidate?.trim().replace(/_/g, '-');
    if (tag && LANGUAGE_TAG.test(tag)) return tag.toLowerCase();
  }
  return undefined;
}
