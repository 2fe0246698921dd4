/**
 * Which cookies one removal may take along (`touchedBy`): a browser removes by URL, so every
 * cookie of the target's name that the target's own host and path would receive, in the same
 * store, partition and first-party domain, over the scheme used. Each case names what is in
 * reach and what is not, and the expected list is written out, never computed.
 */
import { describe, expect, it } from 'vitest';
import { touchedBy } from '@/lib/actions/removal';
import { cookie } from '../support/memory-cookies';

const target = cookie({ name: 't', domain: 'data.issy.com', path: '/explore' });

describe('what removing one cookie may take along', () => {
  it('the cookies of its name its URL would receive: parent domain, parent path, and itself', () => {
    const parentDomain = cookie({ name: 't', domain: '.issy.com', hostOnly: false });
    const root = cookie({ name: 't', path: '/' });
    const otherName = cookie({ name: 'u', path: '/' });
    const deeper = cookie({ name: 't', path: '/explore/dataset' });
    const sibling = cookie({ name: 't', domain: 'geo.issy.com' });
    const hostOnlyParent = cookie({ name: 't', domain: 'issy.com', hostOnly: true });
    const prefixPath = cookie({ name: 't', path: '/exp' });
    const jar = [parentDomain, root, otherName, deeper, sibling, hostOnlyParent, prefixPath, target];
    expect(touchedBy(target, jar, 'https')).toEqual([parentDomain, root, target]);
  });

  it('nothing of another store, another partition or another first-party domain', () => {
    const otherStore = cookie({ name: 't', path: '/', storeId: 'firefox-container-1' });
    const partitioned = cookie({ name: 't', path: '/', partitionKey: { topLevelSite: 'https://issy.com' } });
    const isolated = cookie({ name: 't', path: '/', firstPartyDomain: 'issy.com' });
    const same = cookie({ name: 't', path: '/' });
    expect(touchedBy(target, [otherStore, partitioned, isolated, same], 'https')).toEqual([same]);
  });

  it('within a partition, only that partition; within a first-party domain, only that one', () => {
    const inPartition = { ...target, partitionKey: { topLevelSite: 'https://issy.com' } };
    const samePartition = cookie({ name: 't', path: '/', partitionKey: { topLevelSite: 'https://issy.com' } });
    const otherPartition = cookie({ name: 't', path: '/', partitionKey: { topLevelSite: 'https://example.org' } });
    const unpartitioned = cookie({ name: 't', path: '/' });
    expect(touchedBy(inPartition, [samePartition, otherPartition, unpartitioned], 'https')).toEqual([samePartition]);

    const isolated = { ...target, firstPartyDomain: 'issy.com' };
    const sameFirstParty = cookie({ name: 't', path: '/', firstPartyDomain: 'issy.com' });
    const otherFirstParty = cookie({ name: 't', path: '/', firstPartyDomain: 'example.org' });
    expect(touchedBy(isolated, [sameFirstParty, otherFirstParty, unpartitioned], 'https')).toEqual([sameFirstParty]);
  });

  it('a Secure cookie only through https, or when the target itself is Secure', () => {
    const secure = cookie({ name: 't', path: '/', secure: true });
    const plain = cookie({ name: 't', path: '/' });
    expect(touchedBy(target, [secure, plain], 'http')).toEqual([plain]);
    expect(touchedBy(target, [secure, plain], 'https')).toEqual([secure, plain]);
    expect(touchedBy({ ...target, secure: true }, [secure, plain], 'http')).toEqual([secure, plain]);
  });
});
