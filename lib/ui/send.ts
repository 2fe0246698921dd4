import type { sendMessage } from '../protocol';

/**
 * `sendMessage` of lib/protocol.ts, the messaging library loaded at the first message: the popup
 * paints its first screen from the report the classic script asked for (lib/ui/first-report.ts),
 * so that library is not part of what it loads before that paint.
 */
export const send = (async (...args: Parameters<typeof sendMessage>) => {
  const protocol = await import('../protocol');
  return protocol.sendMessage(...args);
}) as typeof sendMessage;
