/** How long a test watches, in seconds: apart, since the popup's command needs only these. */
export const DURATIONS = [5, 10, 20, 30] as const;
export const DEFAULT_DURATION = 10;
