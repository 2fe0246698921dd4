import type { Charter } from './model';

/**
 * The "Charte cookies" of data.issy.com, as published, in its own wording (straight apostrophes
 * included, so that a live copy read later compares equal).
 * Its single table is headed « Cookies nécessaires au bon fonctionnement de la plateforme /
 * cookies fonctionnels »: every cookie it declares is necessary.
 */
const UNDER = 'Cookies nécessaires au bon fonctionnement de la plateforme / cookies fonctionnels';

export const issyCharter: Charter = {
  site: 'data.issy.com',
  url: 'https://data.issy.com/terms/cookies-policy/',
  source: 'bundled',
  fetchedAt: '2026-11-29',
  lang: 'fr',
  entries: [
    {
      provider: 'Opendatasoft',
      service: 'Authentification (front et back office)',
      names: [{ exact: 'sessionid' }],
      purpose: "Se souvenir de l'utilisateur d'une page à une autre.",
      category: 'necessary',
      declaredUnder: UNDER,
    },
    {
      provider: 'Opendatasoft',
      service: 'Sélection de la langue (front et back office)',
      names: [{ exact: 'django_language' }],
      purpose: 'Se souvenir de la langue du visiteur',
      category: 'necessary',
      declaredUnder: UNDER,
    },
    {
      provider: 'Opendatasoft',
      service: 'API (CSRF) (front et back office)',
      names: [{ exact: 'csrftoken' }],
      purpose: 'Récupérer des données via des appels API',
      category: 'necessary',
      declaredUnder: UNDER,
    },
    {
      provider: 'Opendatasoft',
      service: 'Choix concernant vos préférences sur les cookies',
      names: [{ exact: 'cookies_preferences' }],
      purpose: 'Se souvenir du choix opéré par le visiteur concernant les cookies',
      category: 'necessary',
      declaredUnder: UNDER,
    },
  ],
};
