/** The names of the files Témoin hands to the browser, also named in the letter that attaches them. */
export function auditFileName(site: string, generatedAt: string, format: string): string {
  return `temoin-${site}-${generatedAt.slice(0, 10)}.${format}`;
}

export function firstVisitFileName(site: string, startedAt: string, format: string): string {
  return `temoin-premiere-visite-${site}-${startedAt.slice(0, 10)}.${format}`;
}
