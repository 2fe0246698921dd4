/** What the content script reads from the page; kept free of imports, it ships in every portal page. */

/** `a=1; b=2; a=3` → ['a', 'b', 'a']; a pair without `=` is a cookie with an empty name. */
export function namesFromDocumentCookie(documentCookie: string): string[] {
  if (documentCookie.trim() === '') return [];
  return documentCookie.split(';').map((pair) => {
    const eq = pair.indexOf('=');
    return (eq === -1 ? '' : pair.slice(0, eq)).trim();
  });
}
