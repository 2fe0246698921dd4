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
