import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { ACME } from '../../sandbox/salesforce/seed';
import { API_HOST, START, V, q, startOrg, type OrgUnderTest } from './salesforce-client';

type Json = Record<string, unknown>;
type ErrorList = { message: string; errorCode: string; fields?: string[] }[];

let org: OrgUnderTest;
beforeAll(async () => {
  org = await startOrg();
});
afterAll(async () => {
  await org.close();
});
beforeEach(() => {
  org.sf.reset();
  org.clock.now = START;
});

const restricted = (): { sid: string } => ({ sid: org.sf.primary.restrictedSid });

describe('versions and resources', () => {
  it('lists versions 31.0 to 66.0 at /services/data/ without a limit header', async () => {
    const reply = await org.send('GET', '/services/data/', { sid: null });
    expect(reply.status).toBe(200);
    const versions = reply.json<{ label: string; url: string; version: string }[]>();
    expect(versions[0]).toEqual({ label: "Summer '14", url: '/services/data/v31.0', version: '31.0' });
    expect(versions.at(-1)).toEqual({ label: "Spring '26", url: '/services/data/v66.0', version: '66.0' });
    expect(versions.find((v) => v.version === '62.0')?.label).toBe("Winter '25");
    expect(reply.headers['sforce-limit-info']).toBeUndefined();
  });

  it('lists the resources of a version with URLs under that version', async () => {
    const body = (await org.send('GET', `${V}/`)).json<Json>();
    expect(body.sobjects).toBe(`${V}/sobjects`);
    expect(body.query).toBe(`${V}/query`);
    expect(body.composite).toBe(`${V}/composite`);
    expect(body.limits).toBe(`${V}/limits`);
  });

  it('answers an unknown version with 404 NOT_FOUND', async () => {
    const reply = await org.send('GET', '/services/data/v99.0/sobjects');
    expect(reply.status).toBe(404);
    expect(reply.json()).toEqual([{ message: 'The requested resource does not exist', errorCode: 'NOT_FOUND' }]);
  });

  it('answers an unknown resource with 404 NOT_FOUND', async () => {
    const reply = await org.send('GET', `${V}/nothing-here`);
    expect(reply.status).toBe(404);
    expect(reply.json<ErrorList>()[0]?.errorCode).toBe('NOT_FOUND');
  });
});

describe('authentication', () => {
  it('refuses a request without Authorization with 401 INVALID_SESSION_ID', async () => {
    const reply = await org.send('GET', `${V}/sobjects`, { sid: null });
    expect(reply.status).toBe(401);
    expect(reply.json()).toEqual([{ message: 'Session expired or invalid', errorCode: 'INVALID_SESSION_ID' }]);
  });

  it('accepts the OAuth scheme as well as Bearer', async () => {
    const reply = await org.send('GET', `${V}/limits`, { sid: null, headers: { authorization: `OAuth ${org.sf.primary.sid}` } });
    expect(reply.status).toBe(200);
  });

  it('refuses a session of another org', async () => {
    const other = org.sf.org('globex');
    const reply = await org.send('GET', `${V}/sobjects`, { sid: other.sid });
    expect(reply.status).toBe(401);
    const own = await org.send('GET', `${V}/sobjects`, { host: other.apiHost, sid: other.sid });
    expect(own.status).toBe(200);
  });

  it('gives each org a distinct, stable 18-character 00D id and session ids that start with it', () => {
    const acme = org.sf.primary;
    expect(acme.orgId).toMatch(/^00D[a-zA-Z0-9]{15}$/);
    expect(org.sf.org('acme').orgId).toBe(acme.orgId);
    expect(org.sf.org('globex').orgId).not.toBe(acme.orgId);
    expect(acme.sid.startsWith(`${acme.orgId.slice(0, 15)}!`)).toBe(true);
    expect(acme.apiHost).toBe(API_HOST);
    expect(acme.lightningHost).toBe('acme.lightning.force.com');
  });

  it('makes every current session invalid after expireSessions, until reset', async () => {
    org.sf.expireSessions('acme');
    expect((await org.send('GET', `${V}/limits`)).status).toBe(401);
    expect((await org.send('GET', `${V}/limits`, restricted())).status).toBe(401);
    org.sf.reset();
    expect((await org.send('GET', `${V}/limits`)).status).toBe(200);
  });

  it('issues working sessions through the username-password OAuth flow after expiry', async () => {
    org.sf.expireSessions();
    const form = new URLSearchParams({ grant_type: 'password', username: ACME.users.admin.username, password: ACME.users.admin.password });
    const token = await org.send('POST', '/services/oauth2/token', {
      sid: null,
      raw: form.toString(),
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(token.status).toBe(200);
    const { access_token: accessToken, instance_url: instanceUrl } = token.json<{ access_token: string; instance_url: string }>();
    expect(instanceUrl).toBe(`https://${API_HOST}`);
    expect((await org.send('GET', `${V}/limits`, { sid: accessToken })).status).toBe(200);
  });
});

describe('limits', () => {
  it('counts every call in Sforce-Limit-Info and in DailyApiRequests', async () => {
    const first = await org.send('GET', `${V}/sobjects`);
    expect(first.headers['sforce-limit-info']).toBe('api-usage=1/15000');
    const limits = await org.send('GET', `${V}/limits`);
    expect(limits.headers['sforce-limit-info']).toBe('api-usage=2/15000');
    expect(limits.json<Json>().DailyApiRequests).toEqual({ Max: 15000, Remaining: 14998 });
  });

  it('carries the limit header on error responses too', async () => {
    const reply = await org.send('GET', `${V}/sobjects/Nope`);
    expect(reply.status).toBe(404);
    expect(reply.headers['sforce-limit-info']).toMatch(/^api-usage=\d+\/15000$/);
  });
});

describe('describe', () => {
  it('global describe lists readable objects with encoding, maxBatchSize and urls', async () => {
    const body = (await org.send('GET', `${V}/sobjects`)).json<{ encoding: string; maxBatchSize: number; sobjects: Json[] }>();
    expect(body.encoding).toBe('UTF-8');
    expect(body.maxBatchSize).toBe(200);
    const account = body.sobjects.find((o) => o.name === 'Account');
    expect(account).toMatchObject({ label: 'Account', labelPlural: 'Accounts', keyPrefix: '001', queryable: true });
    expect(account?.urls).toMatchObject({ sobject: `${V}/sobjects/Account`, describe: `${V}/sobjects/Account/describe` });
    expect(body.sobjects.some((o) => o.name === 'Competitor__c')).toBe(true);
  });

  it('hides objects the restricted user cannot read from global describe', async () => {
    const body = (await org.send('GET', `${V}/sobjects`, restricted())).json<{ sobjects: Json[] }>();
    expect(body.sobjects.some((o) => o.name === 'Competitor__c')).toBe(false);
    expect(body.sobjects.some((o) => o.name === 'Account')).toBe(true);
  });

  it('answers an object the user cannot read with 404 NOT_FOUND', async () => {
    const reply = await org.send('GET', `${V}/sobjects/Competitor__c/describe`, restricted());
    expect(reply.status).toBe(404);
    expect(reply.json()).toEqual([{ message: 'The requested resource does not exist', errorCode: 'NOT_FOUND' }]);
  });

  it('gives basic information with objectDescribe and recentItems', async () => {
    const body = (await org.send('GET', `${V}/sobjects/Account`)).json<{ objectDescribe: Json; recentItems: Json[] }>();
    expect(body.objectDescribe.name).toBe('Account');
    expect(body.recentItems.length).toBeGreaterThan(0);
    expect(body.recentItems[0]).toHaveProperty('Name');
    expect(body.recentItems[0]).toHaveProperty('attributes.type', 'Account');
  });

  it('describes fields with type, length, nillable, picklist values and child relationships', async () => {
    const body = (await org.send('GET', `${V}/sobjects/Opportunity/describe`)).json<{ fields: Json[]; childRelationships: Json[] }>();
    const stage = body.fields.find((f) => f.name === 'StageName');
    expect(stage).toMatchObject({ type: 'picklist', nillable: false, createable: true, restrictedPicklist: true, soapType: 'xsd:string' });
    expect(stage?.picklistValues).toContainEqual({ active: true, defaultValue: false, label: 'Closed Won', value: 'Closed Won', validFor: null });
    const account = body.fields.find((f) => f.name === 'AccountId');
    expect(account).toMatchObject({ type: 'reference', referenceTo: ['Account'], relationshipName: 'Account' });
    expect(body.fields.find((f) => f.name === 'IsWon')).toMatchObject({ createable: false, updateable: false });
    expect(body.childRelationships).toContainEqual(
      expect.objectContaining({ childSObject: 'OpportunityContactRole', field: 'OpportunityId', relationshipName: 'OpportunityContactRoles' }),
    );
  });

  it('leaves fields hidden by field-level security out of the restricted user\'s describe', async () => {
    const full = (await org.send('GET', `${V}/sobjects/Account/describe`)).json<{ fields: Json[] }>();
    const limited = (await org.send('GET', `${V}/sobjects/Account/describe`, restricted())).json<{ fields: Json[] }>();
    expect(full.fields.some((f) => f.name === 'AnnualRevenue')).toBe(true);
    expect(limited.fields.some((f) => f.name === 'AnnualRevenue')).toBe(false);
    expect(limited.fields.some((f) => f.name === 'Name')).toBe(true);
  });

  it('reports a field read-only for the restricted user as neither createable nor updateable', async () => {
    const limited = (await org.send('GET', `${V}/sobjects/Opportunity/describe`, restricted())).json<{ fields: Json[] }>();
    expect(limited.fields.find((f) => f.name === 'ForecastCategoryName')).toMatchObject({ createable: false, updateable: false });
  });
});

describe('records', () => {
  const accountUrl = `${V}/sobjects/Account/${ACME.accounts.globex.id}`;

  it('returns a record with attributes and every readable field', async () => {
    const reply = await org.send('GET', accountUrl);
    expect(reply.status).toBe(200);
    const body = reply.json<Json>();
    expect(body.attributes).toEqual({ type: 'Account', url: accountUrl });
    expect(body.Id).toBe(ACME.accounts.globex.id);
    expect(body.Name).toBe('Globex Industries');
    expect(body).toHaveProperty('AnnualRevenue');
    expect(reply.headers.etag).toMatch(/^".+"$/);
    expect(reply.headers['last-modified']).toMatch(/GMT$/);
  });

  it('accepts a 15-character id', async () => {
    const reply = await org.send('GET', `${V}/sobjects/Account/${ACME.accounts.globex.id.slice(0, 15)}`);
    expect(reply.json<Json>().Id).toBe(ACME.accounts.globex.id);
  });

  it('returns only the fields asked for with ?fields=', async () => {
    const body = (await org.send('GET', `${accountUrl}?fields=Name,Industry`)).json<Json>();
    expect(Object.keys(body)).toEqual(['attributes', 'Name', 'Industry']);
  });

  it('rejects an unknown field in ?fields= with 400 INVALID_FIELD', async () => {
    const reply = await org.send('GET', `${accountUrl}?fields=Name,Bogus__c`);
    expect(reply.status).toBe(400);
    expect(reply.json<ErrorList>()[0]?.errorCode).toBe('INVALID_FIELD');
  });

  it('omits hidden fields for the restricted user and refuses them in ?fields=', async () => {
    const body = (await org.send('GET', accountUrl, restricted())).json<Json>();
    expect(body).not.toHaveProperty('AnnualRevenue');
    const reply = await org.send('GET', `${accountUrl}?fields=AnnualRevenue`, restricted());
    expect(reply.status).toBe(400);
    expect(reply.json<ErrorList>()[0]?.errorCode).toBe('INVALID_FIELD');
  });

  it('answers a record the restricted user cannot see with 404 NOT_FOUND', async () => {
    const url = `${V}/sobjects/Account/${ACME.accounts.initech.id}`;
    expect((await org.send('GET', url)).status).toBe(200);
    const reply = await org.send('GET', url, restricted());
    expect(reply.status).toBe(404);
    expect(reply.json<ErrorList>()[0]?.errorCode).toBe('NOT_FOUND');
  });

  it('answers an id of another object with 404', async () => {
    const reply = await org.send('GET', `${V}/sobjects/Contact/${ACME.accounts.globex.id}`);
    expect(reply.status).toBe(404);
  });

  it('answers a malformed id as an external id look-up that does not exist', async () => {
    const reply = await org.send('GET', `${V}/sobjects/Account/not-an-id`);
    expect(reply.status).toBe(404);
    expect(reply.json<ErrorList>()[0]).toEqual({
      message: 'Provided external ID field does not exist or is not accessible: not-an-id',
      errorCode: 'NOT_FOUND',
    });
  });

  it('creates, reads, updates and deletes a record', async () => {
    const created = await org.send('POST', `${V}/sobjects/Account`, { body: { Name: 'Round Trip Ltd', Industry: 'Energy' } });
    expect(created.status).toBe(201);
    const { id, success, errors } = created.json<{ id: string; success: boolean; errors: unknown[] }>();
    expect(success).toBe(true);
    expect(errors).toEqual([]);
    expect(id).toMatch(/^001[a-zA-Z0-9]{15}$/);
    expect(created.headers.location).toBe(`${V}/sobjects/Account/${id}`);

    const read = (await org.send('GET', `${V}/sobjects/Account/${id}`)).json<Json>();
    expect(read).toMatchObject({ Name: 'Round Trip Ltd', Industry: 'Energy', OwnerId: ACME.users.admin.id, IsDeleted: false });
    expect(read.CreatedDate).toBe('2026-11-21T17:00:00.000+0000');
    expect(read.CreatedById).toBe(ACME.users.admin.id);

    org.clock.now = START + 60_000;
    const patched = await org.send('PATCH', `${V}/sobjects/Account/${id}`, { body: { Industry: 'Utilities' } });
    expect(patched.status).toBe(204);
    expect(patched.text).toBe('');
    const after = (await org.send('GET', `${V}/sobjects/Account/${id}`)).json<Json>();
    expect(after).toMatchObject({ Industry: 'Utilities', Name: 'Round Trip Ltd', LastModifiedDate: '2026-11-21T17:01:00.000+0000' });

    expect((await org.send('DELETE', `${V}/sobjects/Account/${id}`)).status).toBe(204);
    const gone = await org.send('GET', `${V}/sobjects/Account/${id}`);
    expect(gone.status).toBe(404);
    expect(gone.json<ErrorList>()[0]?.errorCode).toBe('ENTITY_IS_DELETED');
  });

  it('computes the contact name and the opportunity stage flags on save', async () => {
    const contact = await org.send('POST', `${V}/sobjects/Contact`, { body: { FirstName: 'Ada', LastName: 'Byron' } });
    const contactId = contact.json<{ id: string }>().id;
    expect((await org.send('GET', `${V}/sobjects/Contact/${contactId}?fields=Name`)).json<Json>().Name).toBe('Ada Byron');

    const opportunity = await org.send('POST', `${V}/sobjects/Opportunity`, {
      body: { Name: 'Flag Deal', StageName: 'Prospecting', CloseDate: '2026-12-31' },
    });
    const oppId = opportunity.json<{ id: string }>().id;
    await org.send('PATCH', `${V}/sobjects/Opportunity/${oppId}`, { body: { StageName: 'Closed Won' } });
    const won = (await org.send('GET', `${V}/sobjects/Opportunity/${oppId}`)).json<Json>();
    expect(won).toMatchObject({ IsClosed: true, IsWon: true, Probability: 100 });
  });

  it('deletes an account\'s contacts with it (cascade delete)', async () => {
    const account = (await org.send('POST', `${V}/sobjects/Account`, { body: { Name: 'Parent Co' } })).json<{ id: string }>().id;
    const contact = (await org.send('POST', `${V}/sobjects/Contact`, { body: { LastName: 'Child', AccountId: account } })).json<{ id: string }>().id;
    await org.send('DELETE', `${V}/sobjects/Account/${account}`);
    expect((await org.send('GET', `${V}/sobjects/Contact/${contact}`)).status).toBe(404);
  });

  it('lists child records through a relationship', async () => {
    const body = (await org.send('GET', `${accountUrl}/Contacts?fields=Name,Email`)).json<{ totalSize: number; records: Json[] }>();
    expect(body.records.map((r) => r.Name)).toContain('Rosa Delgado');
    expect(body.totalSize).toBe(body.records.length);
  });

  it('answers an unsupported method with 405 METHOD_NOT_ALLOWED', async () => {
    const reply = await org.send('PUT', accountUrl, { body: { Name: 'x' } });
    expect(reply.status).toBe(405);
    expect(reply.json()).toEqual([
      { message: "HTTP Method 'PUT' not allowed. Allowed are HEAD,GET,PATCH,DELETE", errorCode: 'METHOD_NOT_ALLOWED' },
    ]);
  });
});

describe('conditional requests', () => {
  const accountUrl = `${V}/sobjects/Account/${ACME.accounts.globex.id}`;

  it('refuses a PATCH with If-Unmodified-Since older than the record with 412', async () => {
    const lastModified = (await org.send('GET', accountUrl)).headers['last-modified'] ?? '';
    org.clock.now = START + 5_000;
    expect((await org.send('PATCH', accountUrl, { body: { Phone: '1' }, headers: { 'if-unmodified-since': lastModified } })).status).toBe(204);
    const stale = await org.send('PATCH', accountUrl, { body: { Phone: '2' }, headers: { 'if-unmodified-since': lastModified } });
    expect(stale.status).toBe(412);
    expect((await org.send('GET', `${accountUrl}?fields=Phone`)).json<Json>().Phone).toBe('1');
  });

  it('refuses a PATCH whose If-Match ETag no longer matches with 412', async () => {
    const etag = (await org.send('GET', accountUrl)).headers.etag ?? '';
    expect((await org.send('PATCH', accountUrl, { body: { Phone: '3' }, headers: { 'if-match': etag } })).status).toBe(204);
    expect((await org.send('PATCH', accountUrl, { body: { Phone: '4' }, headers: { 'if-match': etag } })).status).toBe(412);
  });

  it('refuses a DELETE with If-Unmodified-Since older than the record with 412, and keeps the record', async () => {
    const created = (await org.send('POST', `${V}/sobjects/Task`, { body: { Subject: 'Call back Rosa' } })).json<{ id: string }>();
    const taskUrl = `${V}/sobjects/Task/${created.id}`;
    const lastModified = (await org.send('GET', taskUrl)).headers['last-modified'] ?? '';
    org.clock.now = START + 5_000;
    expect((await org.send('PATCH', taskUrl, { body: { Subject: 'Call back Rosa on Friday' } })).status).toBe(204);
    const stale = await org.send('DELETE', taskUrl, { headers: { 'if-unmodified-since': lastModified } });
    expect(stale.status).toBe(412);
    expect(stale.json()).toEqual([{ errorCode: 'PRECONDITION_FAILED', message: 'The record has been modified since the date given in If-Unmodified-Since.' }]);
    expect((await org.send('GET', `${taskUrl}?fields=Subject`)).json<Json>().Subject).toBe('Call back Rosa on Friday');
    const current = (await org.send('GET', taskUrl)).headers['last-modified'] ?? '';
    expect((await org.send('DELETE', taskUrl, { headers: { 'if-unmodified-since': current } })).status).toBe(204);
    expect((await org.send('GET', taskUrl)).status).toBe(404);
  });

  it('answers a GET with If-Modified-Since at or after the last change with 304', async () => {
    const lastModified = (await org.send('GET', accountUrl)).headers['last-modified'] ?? '';
    const reply = await org.send('GET', accountUrl, { headers: { 'if-modified-since': lastModified } });
    expect(reply.status).toBe(304);
    expect(reply.text).toBe('');
  });
});

describe('validation', () => {
  const create = (object: string, body: unknown, sid?: string): ReturnType<OrgUnderTest['send']> =>
    org.send('POST', `${V}/sobjects/${object}`, { body, ...(sid ? { sid } : {}) });
  const firstError = async (reply: Promise<{ status: number; json<T>(): T }>): Promise<[number, ErrorList[number] | undefined]> => {
    const r = await reply;
    return [r.status, r.json<ErrorList>()[0]];
  };

  it('rejects an unknown field with INVALID_FIELD', async () => {
    expect(await firstError(create('Account', { Name: 'x', Bogus__c: 1 }))).toEqual([
      400,
      { message: "No such column 'Bogus__c' on sobject of type Account", errorCode: 'INVALID_FIELD', fields: [] },
    ]);
  });

  it('rejects a read-only field with INVALID_FIELD_FOR_INSERT_UPDATE', async () => {
    const [status, error] = await firstError(create('Opportunity', { Name: 'x', StageName: 'Prospecting', CloseDate: '2026-12-01', IsWon: true }));
    expect(status).toBe(400);
    expect(error?.errorCode).toBe('INVALID_FIELD_FOR_INSERT_UPDATE');
    expect(error?.fields).toEqual(['IsWon']);
    expect(error?.message).toMatch(/^Unable to create\/update fields: IsWon\./);
  });

  it('lists missing required fields with REQUIRED_FIELD_MISSING', async () => {
    expect(await firstError(create('Lead', { FirstName: 'No' }))).toEqual([
      400,
      { message: 'Required fields are missing: [LastName, Company]', errorCode: 'REQUIRED_FIELD_MISSING', fields: ['LastName', 'Company'] },
    ]);
  });

  it('rejects clearing a required field on update', async () => {
    const reply = await org.send('PATCH', `${V}/sobjects/Contact/${ACME.contacts.rosa.id}`, { body: { LastName: null } });
    expect(reply.status).toBe(400);
    expect(reply.json<ErrorList>()[0]).toMatchObject({ errorCode: 'REQUIRED_FIELD_MISSING', fields: ['LastName'] });
  });

  it('rejects a bad value for a restricted picklist', async () => {
    const [status, error] = await firstError(create('Opportunity', { Name: 'x', StageName: 'Maybe', CloseDate: '2026-12-01' }));
    expect(status).toBe(400);
    expect(error).toEqual({
      message: 'Stage: bad value for restricted picklist field: Maybe',
      errorCode: 'INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST',
      fields: ['StageName'],
    });
  });

  it('accepts any value for an unrestricted picklist', async () => {
    expect((await create('Account', { Name: 'x', Industry: 'Space Mining' })).status).toBe(201);
  });

  it('rejects a value longer than the field with STRING_TOO_LONG', async () => {
    const [status, error] = await firstError(create('Contact', { LastName: 'x'.repeat(81) }));
    expect(status).toBe(400);
    expect(error?.errorCode).toBe('STRING_TOO_LONG');
    expect(error?.fields).toEqual(['LastName']);
    expect(error?.message).toMatch(/^Last Name: data value too large: x+ \(max length=80\)$/);
  });

  it('rejects a malformed date with JSON_PARSER_ERROR', async () => {
    const [status, error] = await firstError(create('Opportunity', { Name: 'x', StageName: 'Prospecting', CloseDate: 'next week' }));
    expect(status).toBe(400);
    expect(error?.errorCode).toBe('JSON_PARSER_ERROR');
    expect(error?.message).toContain('Cannot deserialize instance of date from VALUE_STRING value next week');
  });

  it('rejects a non-number for a currency field with JSON_PARSER_ERROR', async () => {
    const [, error] = await firstError(create('Opportunity', { Name: 'x', StageName: 'Prospecting', CloseDate: '2026-12-01', Amount: 'lots' }));
    expect(error?.errorCode).toBe('JSON_PARSER_ERROR');
  });

  it('rejects a number for a checkbox with INVALID_TYPE_ON_FIELD_IN_RECORD', async () => {
    const [, error] = await firstError(create('Contact', { LastName: 'x', DoNotCall: 5 }));
    expect(error).toMatchObject({ errorCode: 'INVALID_TYPE_ON_FIELD_IN_RECORD', fields: ['DoNotCall'] });
  });

  it('rejects an invalid email address with INVALID_EMAIL_ADDRESS', async () => {
    const [, error] = await firstError(create('Contact', { LastName: 'x', Email: 'not-an-email' }));
    expect(error).toEqual({ message: 'Email: invalid email address: not-an-email', errorCode: 'INVALID_EMAIL_ADDRESS', fields: ['Email'] });
  });

  it('rejects a malformed reference with MALFORMED_ID', async () => {
    const [, error] = await firstError(create('Contact', { LastName: 'x', AccountId: 'abc' }));
    expect(error).toMatchObject({ errorCode: 'MALFORMED_ID', fields: ['AccountId'] });
  });

  it('rejects a reference to a missing record with INVALID_CROSS_REFERENCE_KEY', async () => {
    const [, error] = await firstError(create('Contact', { LastName: 'x', AccountId: '001000000000000AAA' }));
    expect(error).toMatchObject({ errorCode: 'INVALID_CROSS_REFERENCE_KEY', fields: ['AccountId'] });
  });

  it('rejects a reference to a record of the wrong object', async () => {
    const [status, error] = await firstError(create('Contact', { LastName: 'x', AccountId: ACME.contacts.rosa.id }));
    expect(status).toBe(400);
    expect(error?.fields).toEqual(['AccountId']);
  });

  it('rejects a field hidden by field-level security with INVALID_FIELD for the restricted user', async () => {
    const [, error] = await firstError(create('Account', { Name: 'x', AnnualRevenue: 5 }, org.sf.primary.restrictedSid));
    expect(error).toMatchObject({ errorCode: 'INVALID_FIELD', message: "No such column 'AnnualRevenue' on sobject of type Account" });
  });

  it('rejects a field read-only for the restricted user with INVALID_FIELD_FOR_INSERT_UPDATE', async () => {
    const [, error] = await firstError(
      create('Opportunity', { Name: 'x', StageName: 'Prospecting', CloseDate: '2026-12-01', ForecastCategoryName: 'Pipeline' }, org.sf.primary.restrictedSid),
    );
    expect(error).toMatchObject({ errorCode: 'INVALID_FIELD_FOR_INSERT_UPDATE', fields: ['ForecastCategoryName'] });
  });

  it('blocks a contact with the email of an existing contact with DUPLICATES_DETECTED', async () => {
    const reply = await create('Contact', { LastName: 'Twin', Email: ACME.contacts.rosa.email.toUpperCase() });
    expect(reply.status).toBe(400);
    const [error] = reply.json<(ErrorList[number] & { duplicateResut: { matchResults: { matchRecords: { record: Json }[] }[] } })[]>();
    expect(error?.errorCode).toBe('DUPLICATES_DETECTED');
    expect(error?.message).toBe('Use one of these records?');
    expect(error?.duplicateResut.matchResults[0]?.matchRecords[0]?.record.Id).toBe(ACME.contacts.rosa.id);
  });

  it('blocks a duplicate lead by email, unless the duplicate rule header allows the save', async () => {
    const body = { LastName: 'Again', Company: 'Vandelay', Email: ACME.leads.gmailSender.email };
    expect((await create('Lead', body)).json<ErrorList>()[0]?.errorCode).toBe('DUPLICATES_DETECTED');
    const allowed = await org.send('POST', `${V}/sobjects/Lead`, { body, headers: { 'sforce-duplicate-rule-header': 'allowSave=true' } });
    expect(allowed.status).toBe(201);
  });

  it('enforces the validation rule on opportunities closing more than a year ago', async () => {
    const [status, error] = await firstError(create('Opportunity', { Name: 'Old', StageName: 'Prospecting', CloseDate: '2025-01-01' }));
    expect(status).toBe(400);
    expect(error).toEqual({
      message: 'Close Date cannot be more than a year in the past.',
      errorCode: 'FIELD_CUSTOM_VALIDATION_EXCEPTION',
      fields: ['CloseDate'],
    });
  });

  it('answers malformed JSON with 400 JSON_PARSER_ERROR', async () => {
    const reply = await org.send('POST', `${V}/sobjects/Account`, { raw: '{"Name": ' });
    expect(reply.status).toBe(400);
    expect(reply.json<ErrorList>()[0]?.errorCode).toBe('JSON_PARSER_ERROR');
  });

  it('refuses a reference to a record the restricted user cannot see', async () => {
    const [, error] = await firstError(
      create('Contact', { LastName: 'x', AccountId: ACME.accounts.initech.id }, org.sf.primary.restrictedSid),
    );
    expect(error?.errorCode).toBe('INSUFFICIENT_ACCESS_ON_CROSS_REFERENCE_ENTITY');
  });
});

describe('faults and latency', () => {
  it('fails the next request with an injected 503 and then recovers', async () => {
    org.sf.injectFault({ kind: 'server-error', status: 503 });
    const failed = await org.send('GET', `${V}/limits`);
    expect(failed.status).toBe(503);
    expect((await org.send('GET', `${V}/limits`)).status).toBe(200);
  });

  it('fails only requests whose path matches, as many times as asked', async () => {
    org.sf.injectFault({ kind: 'server-error', status: 500, path: /\/query/, times: 2 });
    expect((await org.send('GET', `${V}/limits`)).status).toBe(200);
    expect((await org.send('GET', q('SELECT Id FROM Account'))).status).toBe(500);
    expect((await org.send('GET', q('SELECT Id FROM Account'))).json<ErrorList>()[0]?.errorCode).toBe('UNKNOWN_EXCEPTION');
    expect((await org.send('GET', q('SELECT Id FROM Account'))).status).toBe(200);
  });

  it('answers a request-limit fault with 403 REQUEST_LIMIT_EXCEEDED', async () => {
    org.sf.injectFault({ kind: 'request-limit' });
    const reply = await org.send('GET', `${V}/sobjects`);
    expect(reply.status).toBe(403);
    expect(reply.json()).toEqual([{ message: 'TotalRequests Limit exceeded.', errorCode: 'REQUEST_LIMIT_EXCEEDED' }]);
  });

  it('answers a session-expired fault with 401 without ending the session', async () => {
    org.sf.injectFault({ kind: 'session-expired' });
    expect((await org.send('GET', `${V}/sobjects`)).status).toBe(401);
    expect((await org.send('GET', `${V}/sobjects`)).status).toBe(200);
  });

  it('drops the connection for a drop-connection fault', async () => {
    org.sf.injectFault({ kind: 'drop-connection' });
    await expect(org.send('GET', `${V}/sobjects`)).rejects.toThrow();
    expect((await org.send('GET', `${V}/sobjects`)).status).toBe(200);
  });

  it('clears pending faults with clearFaults', async () => {
    org.sf.injectFault({ kind: 'request-limit', times: 5 });
    org.sf.clearFaults();
    expect((await org.send('GET', `${V}/sobjects`)).status).toBe(200);
  });

  it('holds each REST response until the configured latency has passed on its clock', async () => {
    org.sf.setLatency(120);
    const { setTimeout: realTimeout } = globalThis;
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      let answered = false;
      const reply = org.send('GET', `${V}/limits`).then((response) => {
        answered = true;
        return response;
      });
      // Real time passes only for the request to reach the org, which then waits on the fake clock.
      while (vi.getTimerCount() === 0) await new Promise((resolve) => realTimeout(resolve, 5));
      await vi.advanceTimersByTimeAsync(119);
      expect(vi.getTimerCount()).toBe(1);
      expect(answered).toBe(false);
      await vi.advanceTimersByTimeAsync(1);
      expect(vi.getTimerCount()).toBe(0);
      expect((await reply).status).toBe(200);
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('request log', () => {
  it('records every request with its host, path, status and Authorization header', async () => {
    org.sf.clearLog();
    await org.send('GET', `${V}/limits`);
    await org.send('GET', '/', { sid: null, host: 'acme.lightning.force.com' });
    expect(org.sf.log).toHaveLength(2);
    expect(org.sf.log[0]).toMatchObject({ method: 'GET', host: API_HOST, path: `${V}/limits`, status: 200 });
    expect(org.sf.log[0]?.headers.authorization).toBe(`Bearer ${org.sf.primary.sid}`);
    expect(org.sf.log[1]?.host).toBe('acme.lightning.force.com');
  });
});
