import { describe, expect, it } from 'vitest';
import { buildLetter } from '@/lib/letter/letter';
import { findingCount, letterOfReport } from '@/lib/letter/input';
import { fitMailto } from '@/lib/letter/mailto';
import { setMessages } from '@/lib/i18n/messages';
import { messagesOf } from '../support/messages';
import { firstVisitLetterText, realVisitReport } from '../support/real-visit';

const english = async () => setMessages('en', await messagesOf('en'));
const status = { used: 'live' as const, warnings: [] };

function englishLetter() {
  const report = realVisitReport();
  return { report, letter: buildLetter(letterOfReport(report, status)) };
}

describe('the letter to the data protection officer, in English', () => {
  it('reads as a polite English letter, in the first person, with a question for every finding', async () => {
    await english();
    const { report, letter } = englishLetter();
    expect(letter.subject).toBe('Cookies on the data.issy.com portal: request for information');
    const paragraphs = letter.text.split('\n\n');
    expect(paragraphs[0]).toBe('Dear Sir or Madam,');
    expect(paragraphs[1]).toMatch(
      /^On 7 December 2026(,| at) \d\d:42, the Témoin extension recorded the cookies of the portal data\.issy\.com in my browser and compared them with its cookie charter \(https:\/\/data\.issy\.com\/.*, read on .*\)\. As the data protection officer, could you please explain the following \d points\?$/,
    );
    const points = paragraphs.filter((p) => /^\d+\. /.test(p));
    expect(points.join('\n').match(/\?/g)).toHaveLength(findingCount(report));
    expect(points[0]).toMatch(
      /^1\. The cookie “_ga”, which the charter does not declare, was present on 7 December(,| at) \d\d:42: could you tell me what it is for and add it to the charter\? Audience measurement cookie that expires in 730 days, beyond the 13 months \(395 days\) allowed for doing without consent: could you tell me how its lifetime is brought down to 13 months at most\?/,
    );
    expect(letter.text).toContain('Rules: Not declared in the charter (source: The site’s cookie charter, https://data.issy.com/');
    expect(letter.text).toMatch(/Set on 7 December(,| at) \d\d:41, after I refused Matomo on 7 December(,| at) \d\d:41: could you tell me why it is set despite this refusal\?/);
    expect(letter.text).toContain('Set after my refusal (source: CNIL (French data protection authority), deliberation no. 2020-091');
    expect(letter.text).toContain('My choice is kept for');
    expect(letter.text).toContain('“django_language” is declared in the charter but absent from my browser: is it still in use, or could the charter be updated?');
    expect(paragraphs.at(-3)).toMatch(/^The French Data Protection Act .* GDPR .* within the one month set by its article 12\.$/);
    expect(paragraphs.at(-2)).toBe('Yours faithfully,');
    expect(paragraphs.at(-1)).toBe('[Your name]');
    // No French left but the extension's name and the law's, and no cookie value.
    expect(letter.text.replaceAll('Témoin', '').replace('loi Informatique et Libertés', '')).not.toMatch(/[àéèù«»]|\b(?:votre|vous|le cookie|pouvez)\b/i);
    expect(letter.text).not.toContain('SECRET');
  });

  it('tells of a first-visit test in English', async () => {
    await english();
    const text = firstVisitLetterText();
    expect(text).toContain('I opened the page https://data.issy.com/ as a first-time visitor, with no cookies and no recorded choice, and for 10 seconds, without answering the cookie banner,');
    expect(text).toMatch(/The cookie “_gcl_au”, which the charter does not declare, was set on 7 December(,| at) \d\d:42: could you tell me what it is for and add it to the charter\? (?:[^?]+\? )+Set on 7 December(,| at) \d\d:42, before I had made a choice: could you/);
    expect(text).toMatch(/^Dear Sir or Madam,\n\n.*the following point\?/s);
  });

  it('shortens the English mailto: link with an English note', async () => {
    await english();
    const { letter } = englishLetter();
    const fitted = fitMailto('dpo@issy.com', letter.subject, letter.text, 'temoin-data.issy.com-2026-12-07.html', 1500);
    expect(fitted.shortened).toBe(true);
    const body = decodeURIComponent(fitted.href.split('&body=')[1]!);
    expect(body).not.toMatch(/^Rules?: /m);
    expect(body).toMatch(/(The rules and sources of each point are|more points?, with .* (is|are)) in the attached dated report \(temoin-data\.issy\.com-2026-12-07\.html\)\./);
  });
});
