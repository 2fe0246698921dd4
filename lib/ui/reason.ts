/**
 * Why something failed, in the visitor’s language (lib/i18n/errors.ts), loaded when something fails: the
 * words for every error the browser may give are not part of what a page needs to open.
 */
export async function reasonLater(error: unknown): Promise<string> {
  const { reasonOf } = await import('../i18n/errors');
  return reasonOf(error);
}
