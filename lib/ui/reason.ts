/**
 * Why something failed, in French (lib/french/errors.ts), loaded when something fails: the
 * words for every error the browser may give are not part of what a page needs to open.
 */
export async function reasonLater(error: unknown): Promise<string> {
  const { reasonOf } = await import('../french/errors');
  return reasonOf(error);
}
