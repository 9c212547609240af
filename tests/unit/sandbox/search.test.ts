import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACME } from '../../sandbox/salesforce/seed';
import { V, startOrg, type OrgUnderTest } from './salesforce-client';

type Found = { searchRecords: ({ attributes: { type: string }; Id: string } & Record<string, unknown>)[] };
type ErrorList = { message: string; errorCode: string }[];

let org: OrgUnderTest;
beforeAll(async () => {
  org = await startOrg();
});
afterAll(async () => {
  await org.close();
});

const search = (sosl: string, sid?: string) =>
  org.send('GET', `${V}/search?q=${encodeURIComponent(sosl)}`, sid ? { sid } : {});

describe('SOSL search', () => {
  it('finds a contact by last name and returns the requested fields', async () => {
    const reply = await search('FIND {Delgado} IN ALL FIELDS RETURNING Contact(Id, Name, Email)');
    expect(reply.status).toBe(200);
    const { searchRecords } = reply.json<Found>();
    expect(searchRecords).toHaveLength(1);
    expect(searchRecords[0]).toMatchObject({
      attributes: { type: 'Contact' },
      Id: ACME.contacts.rosa.id,
      Name: 'Rosa Delgado',
      Email: ACME.contacts.rosa.email,
    });
  });

  it('searches several objects and returns each type', async () => {
    const { searchRecords } = (await search('FIND {Globex} RETURNING Account(Name), Opportunity(Name)')).json<Found>();
    const types = new Set(searchRecords.map((r) => r.attributes.type));
    expect(types).toEqual(new Set(['Account', 'Opportunity']));
  });

  it('finds by email in EMAIL FIELDS', async () => {
    const { searchRecords } = (await search(`FIND {${ACME.leads.gmailSender.email}} IN EMAIL FIELDS RETURNING Lead(Id, Company)`)).json<Found>();
    expect(searchRecords.map((r) => r.Id)).toEqual([ACME.leads.gmailSender.id]);
  });

  it('supports a trailing wildcard and an overall LIMIT', async () => {
    const { searchRecords } = (await search('FIND {Delg*} RETURNING Contact(Name) LIMIT 1')).json<Found>();
    expect(searchRecords).toHaveLength(1);
  });

  it('supports OR between terms', async () => {
    const { searchRecords } = (await search('FIND {Delgado OR Ohene} RETURNING Contact(Name)')).json<Found>();
    expect(searchRecords.map((r) => r.Name).sort()).toEqual(['Marcus Ohene', 'Rosa Delgado']);
  });

  it('applies a WHERE clause inside RETURNING', async () => {
    const { searchRecords } = (await search(`FIND {Globex} RETURNING Opportunity(Name WHERE StageName = 'Closed Won')`)).json<Found>();
    expect(searchRecords.map((r) => r.Name)).toEqual([ACME.opportunities.globexRenewal.name]);
  });

  it('returns only records the restricted user can see', async () => {
    const sosl = 'FIND {Initech} RETURNING Account(Name)';
    expect((await search(sosl)).json<Found>().searchRecords).toHaveLength(1);
    expect((await search(sosl, org.sf.primary.restrictedSid)).json<Found>().searchRecords).toHaveLength(0);
  });

  it('answers a term without braces with MALFORMED_SEARCH', async () => {
    const reply = await search("FIND 'Delgado' RETURNING Contact");
    expect(reply.status).toBe(400);
    expect(reply.json<ErrorList>()[0]).toEqual({
      message: 'No search term found. The search term must be enclosed in braces.',
      errorCode: 'MALFORMED_SEARCH',
    });
  });

  it('answers a statement that is not FIND with MALFORMED_SEARCH', async () => {
    const reply = await search('SELECT Id FROM Contact');
    expect(reply.json<ErrorList>()[0]?.errorCode).toBe('MALFORMED_SEARCH');
  });

  it('answers an unknown object with INVALID_TYPE', async () => {
    const reply = await search('FIND {Delgado} RETURNING Widget__c(Id)');
    expect(reply.status).toBe(400);
    expect(reply.json<ErrorList>()[0]?.errorCode).toBe('INVALID_TYPE');
  });

  it('answers a one-character term with INVALID_SEARCH', async () => {
    const reply = await search('FIND {a} RETURNING Contact');
    expect(reply.json<ErrorList>()[0]?.errorCode).toBe('INVALID_SEARCH');
  });

  it('serves parameterizedSearch with sobject and per-object fields', async () => {
    const reply = await org.send('GET', `${V}/parameterizedSearch?q=Delgado&sobject=Contact&Contact.fields=Id,Name`);
    expect(reply.status).toBe(200);
    expect(reply.json<Found>().searchRecords).toEqual([
      { attributes: { type: 'Contact', url: `${V}/sobjects/Contact/${ACME.contacts.rosa.id}` }, Id: ACME.contacts.rosa.id, Name: 'Rosa Delgado' },
    ]);
  });

  it('serves parameterizedSearch by POST', async () => {
    const reply = await org.send('POST', `${V}/parameterizedSearch`, {
      body: { q: 'Ohene', sobjects: [{ name: 'Contact', fields: ['Name'] }] },
    });
    expect(reply.json<Found>().searchRecords.map((r) => r.Name)).toEqual(['Marcus Ohene']);
  });
});
