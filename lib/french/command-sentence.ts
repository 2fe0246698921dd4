import { plural } from '../i18n/format';

/** The commands whose outcome is said in one sentence. */
export type CommandKind = 'reset' | 'undo-reset' | 'clear' | 'undo-clear';

interface CommandCounts {
  done: readonly unknown[];
  failed: readonly unknown[];
}

/**
 * What a command did, as one full French sentence with its subject, said in the live region
 * and shown under the button: « Préférences réinitialisées : 1 cookie supprimé. La page va se
 * recharger. »
 */
export function commandSentence(kind: CommandKind, result: CommandCounts, site?: string): string {
  const done = result.done.length;
  const failed = result.failed.length;
  const on = site ? ` sur ${site}` : '';
  if (done === 0 && failed === 0) {
    if (kind === 'reset') return 'Aucun choix enregistré\u00a0: le portail vous le demandera à la prochaine visite.';
    if (kind === 'clear') return `Aucun cookie à supprimer${on}.`;
    return `Rien à rétablir${on}.`;
  }
  const [success, failure, verb] = {
    reset: ['Préférences réinitialisées', 'Préférences non réinitialisées', 'supprimé'],
    'undo-reset': ['Réinitialisation annulée', 'Réinitialisation non annulée', 'restauré'],
    clear: [`Cookies non essentiels supprimés${on}`, `Cookies non essentiels non supprimés${on}`, 'supprimé'],
    'undo-clear': [`Suppression annulée${on}`, `Suppression non annulée${on}`, 'restauré'],
  }[kind];
  let sentence = `${done ? success : failure}\u00a0: ${plural(done, `cookie ${verb}`, `cookies ${verb}s`)}`;
  if (failed) sentence += `, ${failed}\u00a0en échec (détail ci-dessous)`;
  sentence += '.';
  // The portal's tab is reloaded so that it reads the consent record again (lib/background/handlers.ts).
  if (done && (kind === 'reset' || kind === 'undo-reset')) sentence += ' La page va se recharger.';
  return sentence;
}
