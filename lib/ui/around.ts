/**
 * A sentence cut where one of its words is drawn apart (a host in `<code>`, a charter's words in
 * their own language): `t(key, '\u0000')` gives the sentence with a mark in its place, wherever
 * the language puts it, and this the text before and after it.
 */
export function around(sentence: string, mark = '\u0000'): [string, string] {
  const at = sentence.indexOf(mark);
  return at === -1 ? [sentence, ''] : [sentence.slice(0, at), sentence.slice(at + mark.length)];
}
