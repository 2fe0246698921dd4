/** Where the classic script (/first-report.js, lib/ui/first-report.ts) leaves the request it started. */
export const KEY = 'temoinFirstReport';
