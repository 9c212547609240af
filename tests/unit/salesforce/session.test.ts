import { describe, expect, it } from 'vitest';
import { findApiSession, sessionOfOrg, type CookieJar } from '../../../lib/salesforce/session';

const ACME = '00D5g000004AcmeA';
const ACME_ORG = ACME.slice(0, 15);
const GLOBEX_ORG = '00D5g000007GlbxE'.slice(0, 15);

function jar(pageSids: Record<string, string>, all: { domain: string; value: string }[]): CookieJar {
  return {
    async sidFor(url) {
      return pageSids[new URL(url).hostname] ?? null;
    },
    async allSids() {
      return all;
    },
  };
}

const lightningPage = 'https://acme.lightning.force.com/lightning/r/Account/0015g00000ABcDeAAL/view';

describe('findApiSession', () => {
  it('picks the sid on the API host of the same org, not the Lightning page sid', async () => {
    const cookies = jar({ 'acme.lightning.force.com': `${ACME_ORG}!lightning` }, [
      { domain: 'acme.lightning.force.com', value: `${ACME_ORG}!lightning` },
      { domain: 'acme.my.salesforce.com', value: `${ACME_ORG}!api` },
    ]);
    expect(await findApiSession(lightningPage, cookies)).toEqual({
      orgId: ACME_ORG,
      apiHost: 'acme.my.salesforce.com',
      sessionId: `${ACME_ORG}!api`,
    });
  });

  it('ignores sessions of other orgs open in other tabs', async () => {
    const cookies = jar({ 'acme.lightning.force.com': `${ACME_ORG}!lightning` }, [
      { domain: 'globex.my.salesforce.com', value: `${GLOBEX_ORG}!other` },
      { domain: '.acme.my.salesforce.com', value: `${ACME_ORG}!api` },
    ]);
    expect((await findApiSession(lightningPage, cookies))?.apiHost).toBe('acme.my.salesforce.com');
  });

  it('skips hosts that are not API hosts, such as help.salesforce.com or Visualforce', async () => {
    const cookies = jar({ 'acme.lightning.force.com': `${ACME_ORG}!lightning` }, [
      { domain: 'help.salesforce.com', value: `${ACME_ORG}!help` },
      { domain: 'acme--c.vf.force.com', value: `${ACME_ORG}!vf` },
    ]);
    expect(await findApiSession(lightningPage, cookies)).toBeNull();
  });

  it('prefers the My Domain named like the page when an org has several API hosts', async () => {
    const cookies = jar({ 'acme.lightning.force.com': `${ACME_ORG}!lightning` }, [
      { domain: 'acme-old.my.salesforce.com', value: `${ACME_ORG}!stale` },
      { domain: 'acme.my.salesforce.com', value: `${ACME_ORG}!api` },
    ]);
    expect((await findApiSession(lightningPage, cookies))?.sessionId).toBe(`${ACME_ORG}!api`);
  });

  it('uses the page host itself on a Classic page of the API host', async () => {
    const cookies = jar({ 'acme.my.salesforce.com': `${ACME_ORG}!api` }, [
      { domain: 'acme.my.salesforce.com', value: `${ACME_ORG}!api` },
    ]);
    expect((await findApiSession('https://acme.my.salesforce.com/0015g00000ABcDe', cookies))?.apiHost).toBe(
      'acme.my.salesforce.com',
    );
  });

  it('finds nothing when the page has no session or an unreadable one (e.g. an encrypting proxy)', async () => {
    expect(await findApiSession(lightningPage, jar({}, []))).toBeNull();
    const proxied = jar({ 'acme.lightning.force.com': 'ENCRYPTED-by-proxy' }, [
      { domain: 'acme.my.salesforce.com', value: 'ENCRYPTED-by-proxy' },
    ]);
    expect(await findApiSession(lightningPage, proxied)).toBeNull();
  });
});

describe('sessionOfOrg', () => {
  const org = { orgId: ACME_ORG, apiHost: 'acme.my.salesforce.com' };

  it('reads the API host cookie of an org used before', async () => {
    const cookies = jar({ 'acme.my.salesforce.com': `${ACME_ORG}!api` }, []);
    expect(await sessionOfOrg(org, cookies)).toEqual({ ...org, sessionId: `${ACME_ORG}!api` });
  });

  it('finds nothing when that host now holds another org’s session, or none', async () => {
    expect(await sessionOfOrg(org, jar({ 'acme.my.salesforce.com': `${GLOBEX_ORG}!x` }, []))).toBeNull();
    expect(await sessionOfOrg(org, jar({}, []))).toBeNull();
  });

  it('finds the org on another API host after its domain changed, by the org id its session starts with', async () => {
    const moved = jar({}, [
      { domain: 'globex.my.salesforce.com', value: `${GLOBEX_ORG}!other` },
      { domain: 'acme-corp.my.salesforce.com', value: `${ACME_ORG}!moved` },
    ]);
    expect(await sessionOfOrg(org, moved)).toEqual({ orgId: ACME_ORG, apiHost: 'acme-corp.my.salesforce.com', sessionId: `${ACME_ORG}!moved` });
  });
});
