import type { Category } from '../charter/model';

/** Every category a cookie can be shown under: the charter's, or not declared at all. */
export type ShownCategory = Category | 'undeclared';

export const categoryLabels: Record<ShownCategory, string> = {
  necessary: 'Nécessaire',
  preferences: 'Préférences',
  statistics: 'Statistiques',
  advertising: 'Publicité',
  social: 'Réseaux sociaux',
  'non-essential': 'Non essentiel',
  unclear: 'Nécessité non précisée',
  undeclared: 'Non déclaré',
};

export type Flag = 'httpOnly' | 'secure' | 'partitioned' | 'parentDomain' | 'thirdParty' | 'pageOnly';

export const flagLabels: Record<Flag, { label: string; title: string }> = {
  httpOnly: { label: 'HttpOnly', title: 'Invisible pour les scripts de la page' },
  secure: { label: 'Secure', title: 'Envoyé uniquement en HTTPS' },
  partitioned: { label: 'partitionné', title: 'Rangé à part pour le site visité (CHIPS)' },
  parentDomain: { label: 'domaine parent', title: 'Déposé pour tout le domaine, pas seulement pour ce portail' },
  thirdParty: { label: 'tiers', title: 'Déposé par un autre site que le portail' },
  pageOnly: { label: 'vu par la page seulement', title: 'Lu dans la page\u00a0; le navigateur ne l’a pas détaillé' },
};
