/**
 * The letter to the portal's data protection officer: each finding a question with its rule and
 * source, the observation's date and the charter read, the visitor's rights, and never a value.
 */
import { describe, expect, it } from 'vitest';
import { rules, type Finding, type RuleId } from '@/lib/audit/rules';
import { buildLetter, type LetterInput } from '@/lib/letter/letter';
import { findingCount, letterOfReport } from '@/lib/letter/input';
import { fitMailto, MAX_MAILTO_CHARS, MAX_MAILTO_CHARS_BEYOND_WINDOWS, mailtoHref, mailtoLimit } from '@/lib/letter/mailto';
import { firstVisitLetterText, jar, realVisitReport } from '../support/real-visit';

const NB = '\u00a0';
const at = '2026-12-07T09:42:00.000Z';
const base: Omit<LetterInput, 'items'> = {
  site: 'data.issy.com',
  page: 'https://data.issy.com/explore/',
  observedAt: at,
  charter: { used: 'live', url: 'https://data.issy.com/terms/cookies-policy/', fetchedAt: '2026-12-07T08:15:00.000Z' },
};

/** One finding of each kind, worded as the report words it. */
const examples: Record<RuleId, { cookie?: string; finding: Finding; says: string[] }> = {
  undeclared: {
    cookie: '_ga',
    finding: { rule: 'undeclared', text: `Non déclaré dans la charte${NB}; probablement Google Analytics (mesure d’audience).` },
    says: [`Le cookie «${NB}_ga${NB}», que la charte ne déclare pas, était présent le 7 décembre à`, `pouvez-vous indiquer sa finalité et l’ajouter à la charte${NB}?`],
  },
  'category-differs': {
    cookie: '_gid',
    finding: { rule: 'category-differs', text: 'La charte le range parmi les cookies nécessaires, mais ce nom est d’ordinaire celui d’un cookie de mesure d’audience (Google Analytics).' },
    says: [`Le cookie «${NB}_gid${NB}» était présent le 7 décembre à`, `La charte le range parmi les cookies nécessaires, mais ce nom est d’ordinaire celui d’un cookie de mesure d’audience (Google Analytics)${NB}: pouvez-vous confirmer sa finalité`],
  },
  'lifetime-differs': {
    cookie: 'ods_pref',
    finding: { rule: 'lifetime-differs', text: `Déclaré pour «${NB}6 mois${NB}», il expire dans 2${NB}ans.` },
    says: [`Déclaré pour «${NB}6 mois${NB}», il expire dans 2${NB}ans${NB}: pouvez-vous indiquer sa durée de conservation réelle`],
  },
  'lifetime-exceeds-platform': {
    cookie: 'sid_client',
    finding: { rule: 'lifetime-exceeds-platform', text: `Selon l’Open Cookie Database, Salesforce le conserve 3${NB}mois${NB}; il expire dans 400${NB}jours, plus du double.` },
    says: [`Selon l’Open Cookie Database, Salesforce le conserve 3${NB}mois, il expire dans 400${NB}jours, plus du double${NB}: pouvez-vous indiquer pourquoi il est conservé plus longtemps que ne le prévoit son service${NB}?`, 'Open Cookie Database'],
  },
  'audience-over-13-months': {
    cookie: '_ga',
    finding: { rule: 'audience-over-13-months', text: `Cookie de mesure d’audience qui expire dans 400${NB}jours${NB}: au-delà des 13${NB}mois (395${NB}jours) admis pour se passer de consentement.` },
    says: [`Cookie de mesure d’audience qui expire dans 400${NB}jours, au-delà des 13${NB}mois (395${NB}jours) admis pour se passer de consentement${NB}: pouvez-vous`, 'https://www.cnil.fr/fr/cookies-et-autres-traceurs/regles/cookies-solutions-pour-les-outils-de-mesure-daudience'],
  },
  'choice-kept-over-6-months': {
    cookie: 'cookies_preferences',
    finding: { rule: 'choice-kept-over-6-months', text: `Votre choix est conservé 13${NB}mois${NB}; la CNIL recommande de le redemander au bout de 6${NB}mois environ.` },
    says: [`Mon choix est conservé 13${NB}mois, la CNIL recommande de le redemander au bout de 6${NB}mois environ${NB}: pouvez-vous`, 'délibération n° 2020-092'],
  },
  'present-without-consent': {
    cookie: '_pk_id.1.a1b2',
    finding: { rule: 'present-without-consent', text: 'Présent alors que votre choix enregistré refuse Matomo.' },
    says: [`Présent alors que mon choix enregistré refuse Matomo${NB}: pouvez-vous indiquer sur quel consentement repose son dépôt${NB}?`, 'délibération n° 2020-091'],
  },
  'set-before-choice': {
    cookie: '_gcl_au',
    finding: { rule: 'set-before-choice', text: 'Déposé le 7 décembre à 10:40, avant que vous ayez fait un choix (le 7 décembre à 10:41).' },
    says: [`Déposé le 7 décembre à 10:40, avant que j’aie fait un choix (le 7 décembre à 10:41)${NB}: pouvez-vous indiquer pourquoi il est déposé avant le choix du visiteur${NB}?`],
  },
  'set-after-refusal': {
    cookie: '_pk_ses.1.a1b2',
    finding: { rule: 'set-after-refusal', text: 'Déposé le 7 décembre à 10:43, après votre refus de Matomo du 7 décembre à 10:41.' },
    says: [`Déposé le 7 décembre à 10:43, après mon refus de Matomo du 7 décembre à 10:41${NB}: pouvez-vous indiquer pourquoi il est déposé malgré ce refus${NB}?`],
  },
  'third-party': {
    cookie: 'IDE',
    finding: { rule: 'third-party', text: 'Déposé pour doubleclick.net, un autre site que le portail.' },
    says: [`Déposé pour doubleclick.net, un autre site que le portail${NB}: pouvez-vous indiquer qui le dépose et à quelle fin${NB}?`],
  },
  partitioned: {
    cookie: 'ods_embed',
    finding: { rule: 'partitioned', text: 'Rangé à part pour https://issy.com (cookie partitionné).' },
    says: [`Rangé à part pour https://issy.com (cookie partitionné)${NB}: pouvez-vous indiquer quel service le dépose`],
  },
  'declared-not-seen': {
    finding: { rule: 'declared-not-seen', text: `«${NB}django_language${NB}» est déclaré dans la charte mais absent de ce navigateur.` },
    says: [`«${NB}django_language${NB}» est déclaré dans la charte mais absent de mon navigateur${NB}: est-il toujours utilisé`],
  },
  'deceptive-name': {
    cookie: 'sessionid[U+200B]',
    finding: { rule: 'deceptive-name', text: `Nom trompeur${NB}: il s’affiche comme «${NB}sessionid${NB}» mais contient U+200B (espace sans chasse).` },
    says: [`Le cookie «${NB}sessionid[U+200B]${NB}» était présent le`, `Nom trompeur, il s’affiche comme «${NB}sessionid${NB}»`, 'Unicode'],
  },
  'impossible-date': {
    cookie: 'cookies_preferences',
    finding: { rule: 'impossible-date', text: `Le choix enregistré se dit fait le 1 janvier 2099, une date à venir${NB}: Témoin ne s’y fie pas et compte la durée à partir d’aujourd’hui.` },
    says: [`Le choix enregistré se dit fait le 1 janvier 2099, une date à venir${NB}: pouvez-vous vérifier comment le portail date le choix`],
  },
};

describe('the letter, for each kind of finding', () => {
  it('has an example of every rule', () => {
    expect(Object.keys(examples).sort()).toEqual(Object.keys(rules).sort());
  });

  describe.each(Object.entries(examples))('%s', (rule, { cookie, finding, says }) => {
    const letter = buildLetter({ ...base, items: [{ finding, ...(cookie && { cookie }) }] });

    it('asks about it as a question, in the visitor’s own voice', () => {
      const point = letter.text.split('\n\n').find((p) => p.startsWith('1. '))!;
      for (const words of says) expect(letter.text).toContain(words);
      expect(point.split('\n')[0]).toMatch(new RegExp(`${NB}\\?$`));
      // The report speaks to the visitor; the letter speaks for them.
      expect(point).not.toMatch(/\bvotre\b|\bvous ayez\b|Témoin ne s’y fie/);
    });

    it('gives its rule and source', () => {
      const { title, source } = rules[rule as RuleId];
      expect(letter.text).toContain(`1. `);
      expect(letter.text).toContain(`Règle${NB}: ${title.replace('votre', 'mon')} (source${NB}: ${source.label}`);
    });
  });
});

describe('the letter as a whole', () => {
  const letter = buildLetter({ ...base, items: [{ finding: examples.undeclared.finding, cookie: '_ga' }] });

  it('names the portal, the date and time of the observation, and the charter read with its date', () => {
    expect(letter.subject).toBe(`Cookies du portail data.issy.com${NB}: demande d’information`);
    expect(letter.text).toMatch(/Le 7 décembre 2026 à \d\d:42, l’extension Témoin a relevé dans mon navigateur les cookies du portail data\.issy\.com et/);
    expect(letter.text).toMatch(/les a comparés à sa charte cookies \(https:\/\/data\.issy\.com\/terms\/cookies-policy\/, lue le 7 décembre 2026 à \d\d:15\)/);
    expect(letter.text).toContain('En votre qualité de délégué à la protection des données, pourriez-vous m’éclairer sur le point suivant\u00a0?');
    // A finding of the charter names the charter's address as its source.
    expect(letter.text).toContain(`Règle${NB}: Non déclaré dans la charte (source${NB}: Charte cookies du site, https://data.issy.com/terms/cookies-policy/).`);
  });

  it('says when the charter compared with is Témoin’s copy, or could not be read', () => {
    const bundled = buildLetter({ ...base, charter: { ...base.charter, used: 'bundled' }, items: [] });
    expect(bundled.text).toContain('dans la copie datée du 7 décembre 2026 que Témoin contient, la page publiée n’ayant pas pu être lue');
    const none = buildLetter({ ...base, charter: { used: 'none', url: '', fetchedAt: at, why: 'page introuvable (erreur 404)' }, items: [] });
    expect(none.text).toContain('à sa charte cookies, qui n’a pas pu être lue (page introuvable (erreur 404))');
  });

  it('ends with the visitor’s rights and a request for an answer, courteously', () => {
    expect(letter.text).toContain(`droit d’accès, de rectification, d’effacement et d’opposition (articles${NB}15 à 17 et 21)`);
    expect(letter.text).toContain(`La loi Informatique et Libertés (article${NB}82) soumet à mon consentement les traceurs non strictement nécessaires`);
    expect(letter.text).toContain(`Je vous remercie de me répondre dans le délai d’un mois prévu par son article${NB}12.`);
    expect(letter.text.trim().split('\n\n').slice(-2)).toEqual([
      'Veuillez agréer, Madame, Monsieur, mes salutations distinguées.',
      '[Votre nom]',
    ]);
  });
});

describe('the letter of a real report', () => {
  const report = realVisitReport();
  const status = { used: 'live' as const, warnings: [] };
  const letter = buildLetter(letterOfReport(report, status));

  it('makes one numbered point of each cookie with findings, and asks one question for every finding, in the report’s order', () => {
    const points = letter.text.split('\n\n').filter((p) => /^\d+\. /.test(p));
    expect(points).toHaveLength(report.cookies.filter((c) => c.findings.length > 0).length + report.findings.length);
    expect(points.join('\n').match(/\u00a0\?/g)).toHaveLength(findingCount(report));
    expect(findingCount(report)).toBeGreaterThanOrEqual(6);
    expect(points[0]).toMatch(/^1\. Le cookie «\u00a0_ga\u00a0», que la charte ne déclare pas, était présent le 7 décembre à \d\d:42\u00a0: pouvez-vous indiquer sa finalité et l’ajouter à la charte\u00a0\? Cookie de mesure d’audience qui expire dans/);
    for (const rule of ['undeclared', 'audience-over-13-months', 'present-without-consent', 'set-after-refusal', 'choice-kept-over-6-months', 'declared-not-seen'] as RuleId[]) {
      expect(letter.text).toContain(`${rules[rule].title.replace('votre', 'mon')} (source\u00a0: `);
    }
  });

  it('holds no cookie value', () => {
    for (const c of jar) expect(letter.text).not.toContain(c.value);
    expect(letter.text).not.toContain('SECRET');
  });

  it('dates each cookie of a first-visit test when the portal set it', () => {
    const text = firstVisitLetterText();
    expect(text).toMatch(/comme un premier visiteur, sans cookie ni choix enregistré, et l’extension Témoin a relevé pendant 10\u00a0secondes, sans réponse au bandeau/);
    expect(text).toMatch(/Le cookie «\u00a0_gcl_au\u00a0», que la charte ne déclare pas, a été déposé le 7 décembre à \d\d:42\u00a0: pouvez-vous indiquer sa finalité et l’ajouter à la charte\u00a0\? (?:[^?]+\? )+Déposé le 7 décembre à \d\d:42, avant que j’aie fait un choix\u00a0: pouvez-vous/);
    expect(text).not.toContain('SECRET');
  });

  describe('as a mailto: link', () => {
    const name = 'temoin-data.issy.com-2026-12-07.html';

    it('carries the whole letter when it fits', () => {
      const short = buildLetter({ ...base, items: [{ finding: examples.undeclared.finding, cookie: '_ga' }] });
      const fitted = fitMailto('dpo@ville.fr', short.subject, short.text, name);
      expect(fitted).toMatchObject({ leftOut: 0, shortened: false });
      expect(decodeURIComponent(fitted.href.split('&body=')[1]!)).toBe(short.text.replace(/\n/g, '\r\n').replace(/\u2019/g, "'").replace(/\u00a0/g, ' '));
      expect(fitted.href.startsWith("mailto:dpo@ville.fr?subject=Cookies%20du%20portail%20data.issy.com%20%3A%20demande%20d'information&body=")).toBe(true);
    });

    it('stays within the limit of mail programs beyond Windows, leaving the references to the attached report', () => {
      const input = letterOfReport(report, status);
      const six = buildLetter({ ...input, items: input.items.slice(0, 9) });
      const sixPoints = six.text.split('\n\n').filter((p) => /^\d+\. /.test(p)).length;
      const fitted = fitMailto('dpo@ville.fr', six.subject, six.text, name, MAX_MAILTO_CHARS_BEYOND_WINDOWS);
      expect(fitted.href.length).toBeLessThanOrEqual(MAX_MAILTO_CHARS_BEYOND_WINDOWS);
      expect(mailtoHref('dpo@ville.fr', six.subject, six.text).length).toBeGreaterThan(MAX_MAILTO_CHARS_BEYOND_WINDOWS);
      const body = decodeURIComponent(fitted.href.split('&body=')[1]!);
      expect(fitted).toMatchObject({ shortened: true, leftOut: 0 });
      expect(body).not.toMatch(/Règles? :/);
      expect(body).toContain(`Les règles et les sources de chaque point figurent dans le rapport daté joint (${name}).`);
      expect(body.split('\r\n\r\n').filter((p) => /^\d+\. /.test(p))).toHaveLength(sixPoints);
    });

    it('within Windows’ shorter limit, leaves the last points to the attached report and says how many', () => {
      const many = buildLetter({
        ...base,
        items: Array.from({ length: 10 }, (_, i) => ({ cookie: `_tracker_${i}`, finding: examples.undeclared.finding })),
      });
      const fitted = fitMailto('dpo@ville.fr', many.subject, many.text, name, mailtoLimit('Mozilla/5.0 (Windows NT 10.0; Win64; x64)'));
      expect(fitted.href.length).toBeLessThanOrEqual(MAX_MAILTO_CHARS);
      const body = decodeURIComponent(fitted.href.split('&body=')[1]!);
      expect(fitted.leftOut).toBeGreaterThan(1);
      expect(body).toContain(`${fitted.leftOut} autres points figurent, avec les règles et les sources de chacun, dans le rapport daté joint (${name}).`);
      expect(body).toContain('Madame, Monsieur,');
      expect(body).toContain('articles 15 à 17 et 21');
      expect(body).toContain('salutations distinguées');
      const kept = body.split('\r\n\r\n').filter((p) => /^\d+\. /.test(p));
      expect(kept.length).toBeGreaterThan(0);
      expect(kept.length + fitted.leftOut).toBe(10);
      // The first points are kept, the last ones left out.
      expect(kept[0]).toContain('_tracker_0');
      expect(body).not.toContain('_tracker_9');
    });

    it('cuts a letter edited beyond any limit, and still says where the rest is', () => {
      const fitted = fitMailto('dpo@ville.fr', 'Objet', 'é'.repeat(5000), name);
      expect(fitted.href.length).toBeLessThanOrEqual(MAX_MAILTO_CHARS);
      expect(decodeURIComponent(fitted.href)).toContain('lettre raccourcie pour la messagerie');
    });

    it('refuses an address that is not a plain mailbox', () => {
      expect(() => mailtoHref('dpo@ville.fr?bcc=x@evil.example', 'a', 'b')).toThrow();
      expect(() => mailtoHref('a b@ville.fr', 'a', 'b')).toThrow();
    });
  });
});
