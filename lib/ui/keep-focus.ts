import { tick } from 'svelte';

/**
 * After a command, focus stays where the visitor is: on the pressed button when it is still
 * there (busy buttons are `aria-disabled`, never `disabled`, so they keep it), else on `target`,
 * the message that says what happened. Without this, focus falls to the page's body when the
 * button disappears (« Annuler la suppression » once the cookies are back).
 */
export async function keepFocus(target: () => Element | null | undefined) {
  await tick();
  const active = document.activeElement;
  if (active && active !== document.body && active.isConnected) return;
  (target() as HTMLElement | null | undefined)?.focus();
}

/**
 * The same rule for a button that goes away on its own, later than the command it started: « Tester
 * une première visite » takes the tab off the portal and back, and the report
 * with its commands gives way meanwhile. Attached to the button (`{@attach keepFocusWhenGone(…)}`): if
 * it had focus when it was removed, focus goes to `target` rather than to the page's body.
 */
export function keepFocusWhenGone(target: () => Element | null | undefined) {
  return (node: HTMLElement) => {
    let focused = false;
    // A blur because the button is being removed does not count: it had focus until then.
    // Chromium fires it while the button is still in the page, so it is judged once removed.
    const track = (event: FocusEvent) => queueMicrotask(() => (focused = event.type === 'focus' || !node.isConnected));
    node.addEventListener('focus', track);
    node.addEventListener('blur', track);
    return () => {
      if (focused) void keepFocus(target);
    };
  };
}
