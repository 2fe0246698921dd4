import { describe, expect, it } from 'vitest';
import { decodeTable, ocdRows } from '@/lib/audit/knowledge/ocd';
import { parseCsv } from '@/scripts/ocd/csv';
import { carriesBrand, encodeTable, isGeneric, ocdDomains, readRows } from '@/scripts/ocd/table';

/** A few rows written here in the database's format (the real copy is never read by tests). */
const HEADER =
  'ID,Platform,Category,Cookie / Data Key name,Domain,Description,Retention period,Data Controller,User Privacy & GDPR Rights Portals,Wildcard match';
const CSV = [
  HEADER,
  '1,Shopify,Analytics,_shopify_y,shopify.com,"Words of the database, with a comma, ""quoted""",2 years,Shopify.com,https://www.shopify.com/legal/cookies,0',
  '2,Salesforce,Functional,login,,Another description,60 Days,Salesforce,https://www.salesforce.com/company/privacy/,0',
  '3,Bing,Marketing,MUIDB,.bing.com (3rd party) or .microsoft.com (3rd party),x,1 year,Microsoft,https://privacy.microsoft.com/,0',
  '4,Adhese,Marketing,adhese_,ads-[account].adhese.com,x,Varies,Adhese,,1',
  '5,,Security,XSRF-TOKEN,,x,Session,,,0',
  '6,Crazy Egg,Analytics,ce_need_secure_cookie\t,,x,1 second,Crazy Egg,https://www.crazyegg.com/cookies,0',
].join('\r\n');

describe('turning the database’s CSV into the facts table', () => {
  it('reads quoted fields, doubled quotes and line ends as RFC 4180 says', () => {
    expect(parseCsv('a,"b, ""c""",d\r\n"e\nf",g,\n')).toEqual([
      ['a', 'b, "c"', 'd'],
      ['e\nf', 'g', ''],
    ]);
  });

  it('keeps the facts and leaves the descriptions out', () => {
    const { rows, skipped, total } = readRows(CSV);
    expect(total).toBe(6);
    expect(skipped).toEqual([{ name: 'XSRF-TOKEN', reason: 'no platform' }]);
    const table = encodeTable(rows);
    const text = JSON.stringify(table);
    expect(text).not.toMatch(/description|Words of the database|quoted/i);
    expect(rows.find((r) => r.name === 'ce_need_secure_cookie')).toBeDefined();
  });

  it('writes a table that reads back to the same facts', () => {
    const { rows } = readRows(CSV);
    const table = encodeTable(rows);
    const read = ocdRows(decodeTable(table));
    expect(read.map((r) => [r.name, r.prefix, r.generic, r.brand, r.facts.platform, r.facts.category, r.facts.domains, r.facts.retention ?? ''])).toEqual(
      expect.arrayContaining([
        ['_shopify_y', false, false, true, 'Shopify', 'Analytics', ['shopify.com'], '2y'],
        // A generic name without a domain is tied to its platform's own site, its privacy page's.
        ['login', false, true, false, 'Salesforce', 'Functional', ['salesforce.com'], '60d'],
        ['MUIDB', false, false, false, 'Bing', 'Marketing', ['bing.com', 'microsoft.com'], '1y'],
        ['adhese_', true, false, true, 'Adhese', 'Marketing', ['adhese.com'], ''],
        ['ce_need_secure_cookie', false, false, false, 'Crazy Egg', 'Analytics', undefined, '1s'],
      ]),
    );
    expect(read).toHaveLength(5);
    // A controller that only repeats the platform's name is not stored.
    expect(read.find((r) => r.name === '_shopify_y')!.facts).toEqual(expect.objectContaining({ link: 'https://www.shopify.com/legal/cookies' }));
    expect(read.find((r) => r.name === '_shopify_y')!.facts.controller).toBeUndefined();
    expect(read.find((r) => r.name === 'MUIDB')!.facts.controller).toBe('Microsoft');
  });

  it('refuses a CSV whose columns are not the database’s', () => {
    expect(() => readRows('Name,Platform\nx,y\n')).toThrow(/Columns missing/);
  });

  it.each([
    ['.linkedin.com', ['linkedin.com']],
    ['facebook.com (3rd party)', ['facebook.com']],
    ['.bing.com (3rd party) or .microsoft.com (3rd party)', ['bing.com', 'microsoft.com']],
    [' or demdex.net (3rd party)', ['demdex.net']],
    ['.commander1.com\u200b', ['commander1.com']],
    ['cdn.amplitude.com', ['amplitude.com']],
    ['ut', []],
    ['', []],
  ])('reads the domain cell %j', (cell, domains) => {
    expect(ocdDomains(cell)).toEqual(domains);
  });

  it('tells generic names and names carrying their platform’s name', () => {
    expect(isGeneric('sessionid', false)).toBe(true);
    expect(isGeneric('PHPSESSID', false)).toBe(true);
    expect(isGeneric('t', false)).toBe(true);
    expect(isGeneric('mp_', true)).toBe(true);
    expect(isGeneric('_ceir', false)).toBe(false);
    expect(carriesBrand('_shopify_y', 'Shopify')).toBe(true);
    expect(carriesBrand('_gh_sess', 'GitHub')).toBe(false);
    expect(carriesBrand('_ga', 'Google Analytics')).toBe(false);
  });
});
