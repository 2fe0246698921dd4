// @vitest-environment jsdom
/**
 * Whom the letter goes to: the data protection officer the portal's own pages name, by an address
 * in a table, in prose or disguised, or by a form's link; nothing when the pages name none.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { findDpoAddress, findDpoContact, undisguise } from '@/lib/page/find-contact';

const page = (html: string) => new DOMParser().parseFromString(html, 'text/html');
const fixture = (name: string) => page(readFileSync(`tests/fixtures/contacts/${name}`, 'utf8'));
const url = 'https://opendata.ville-exemple.fr/pages/mentions-legales/';

describe('the DPO’s contact on a portal’s page', () => {
  it('takes the address in the table row that names the DPO, not the publisher’s or the host’s', () => {
    expect(findDpoContact(fixture('table.html'), url)).toEqual({ kind: 'email', address: 'protection.donnees@agglo-orne.fr', foundOn: url });
  });

  it('takes the address written in prose after the words naming the DPO, not the portal team’s above', () => {
    expect(findDpoContact(fixture('prose.html'), url)).toEqual({ kind: 'email', address: 'rgpd.mairie@ville-exemple.fr', foundOn: url });
  });

  it('reads a disguised « dpo [at] ville.fr » back as an address, near the word DPO', () => {
    expect(findDpoContact(fixture('obfuscated.html'), url)).toEqual({ kind: 'email', address: 'dpo@ville.fr', foundOn: url });
  });

  it('gives the form’s link when the DPO is reached by a form', () => {
    expect(findDpoContact(fixture('form.html'), url)).toEqual({
      kind: 'form',
      url: 'https://www.ville-exemple.fr/demarches/saisir-le-dpo',
      foundOn: url,
    });
  });

  it('finds nothing on a page that names no DPO, even with a general contact address', () => {
    expect(findDpoContact(fixture('none.html'), url)).toBeUndefined();
  });

  it.each([
    ['dpo [at] ville.fr', 'dpo@ville.fr'],
    ['dpo(at)ville(dot)fr', 'dpo@ville.fr'],
    ['dpo (a) ville.fr', 'dpo@ville.fr'],
    ['dpo AT ville DOT fr', 'dpo@ville.fr'],
    ['dpo arobase ville point fr', 'dpo@ville.fr'],
    ['dpo arobase mairie.ville.fr', 'dpo@mairie.ville.fr'],
    ['dpo @ ville . fr', 'dpo@ville.fr'],
    ['dpo{at}ville{dot}fr', 'dpo@ville.fr'],
    ['dpo＠ville.fr', 'dpo@ville.fr'],
    ['dpo (à) ville.fr', 'dpo@ville.fr'],
    ['dpo at ville.fr', 'dpo@ville.fr'],
    ['protection.donnees at agglo.fr', 'protection.donnees@agglo.fr'],
    ['<span style="unicode-bidi: bidi-override; direction: rtl">rf.elliv@opd</span>', 'dpo@ville.fr'],
    ['dpo@<span style="display:none">leurre</span>ville.fr', 'dpo@ville.fr'],
  ])('reads « %s » as %s', (written, address) => {
    expect(findDpoAddress(page(`<p>Délégué à la protection des données : ${written}</p>`))).toBe(address);
  });

  it.each([
    ['an address at the end of a sentence', 'Notre DPO répond à dpo@ville.fr. Pour le reste, voyez la mairie.', 'dpo@ville.fr'],
    ['an address split by markup', 'Le délégué : <span>dpo</span>&#64;<span>ville.fr</span>', 'dpo@ville.fr'],
    ['an English page', 'Data Protection Officer: privacy-office@city.example.org', 'privacy-office@city.example.org'],
    ['a mailbox named for the role, with no word near it', 'Écrivez-nous : dpd@ville.fr', 'dpd@ville.fr'],
    ['an address before the words, in their sentence', 'Écrivez à juridique@ville.fr, notre délégué à la protection des données.', 'juridique@ville.fr'],
  ])('%s', (_case, html, address) => {
    expect(findDpoAddress(page(`<p>${html}</p>`))).toBe(address);
  });

  it.each([
    ['a web address after « at »', 'Our DPO is available at data.issy.com/contact'],
    ['a time', 'DPO joignable at 10.30'],
    ['a word before « at » that is no mailbox', 'Our DPO answers at ville.fr in a week'],
    ['the publisher’s address in the row above the DPO’s', '<table><tr><td>Éditeur</td><td>mairie@ville.fr</td></tr><tr><td>Délégué à la protection des données</td><td>par courrier</td></tr></table>'],
    ['a general address far from any mention of the DPO', `contact@ville.fr${'<p>texte</p>'.repeat(80)}<p>Délégué à la protection des données</p>`],
  ])('takes no address from %s', (_case, html) => {
    expect(findDpoAddress(page(`<p>${html}</p>`))).toBeUndefined();
  });

  it('never reads an address out of a script or a style', () => {
    expect(findDpoAddress(page('<p>DPO :</p><script>const a = "dpo@evil.example";</script>'))).toBeUndefined();
  });

  it('leaves text that holds no disguised address as it is', () => {
    const text = 'Le portail est disponible à toute heure. Voir la page 3.2 ; contact : 01 23 45 67 89.';
    expect(undisguise(text)).toBe(text);
  });
});
