import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ACME } from '../../sandbox/salesforce/seed';
import { V, q, startOrg, type OrgUnderTest } from './salesforce-client';

type Sub = { body: unknown; httpHeaders: Record<string, string>; httpStatusCode: number; referenceId: string };
type Composite = { compositeResponse: Sub[] };
type SaveResult = { id?: string | null; success: boolean; errors: { statusCode: string; message: string; fields: string[] }[] };
type ErrorList = { message: string; errorCode: string }[];

let org: OrgUnderTest;
beforeAll(async () => {
  org = await startOrg();
});
afterAll(async () => {
  await org.close();
});
beforeEach(() => org.sf.reset());

const accountsNamed = async (name: string): Promise<number> =>
  (await org.send('GET', q(`SELECT COUNT() FROM Account WHERE Name = '${name}'`))).json<{ totalSize: number }>().totalSize;

const composite = (body: unknown) => org.send('POST', `${V}/composite`, { body });

describe('/composite', () => {
  it('runs subrequests in order and resolves @{ref.id} references in bodies and URLs', async () => {
    const reply = await composite({
      compositeRequest: [
        { method: 'POST', url: `${V}/sobjects/Account`, referenceId: 'newAccount', body: { Name: 'Ref Co' } },
        { method: 'POST', url: `${V}/sobjects/Contact`, referenceId: 'newContact', body: { LastName: 'Ref', AccountId: '@{newAccount.id}' } },
        { method: 'GET', url: `${V}/sobjects/Account/@{newAccount.id}?fields=Name`, referenceId: 'readBack' },
      ],
    });
    expect(reply.status).toBe(200);
    const [account, contact, readBack] = reply.json<Composite>().compositeResponse;
    expect(account).toMatchObject({ httpStatusCode: 201, referenceId: 'newAccount', body: { success: true, errors: [] } });
    expect(account?.httpHeaders.Location).toMatch(/\/sobjects\/Account\/001/);
    expect(contact?.httpStatusCode).toBe(201);
    expect(readBack).toMatchObject({ httpStatusCode: 200, body: { Name: 'Ref Co' } });
  });

  it('resolves references into query results with records[0].Id', async () => {
    const reply = await composite({
      compositeRequest: [
        { method: 'GET', url: `${V}/query?q=${encodeURIComponent("SELECT Id FROM Account WHERE Name = 'Globex Industries'")}`, referenceId: 'found' },
        { method: 'GET', url: `${V}/sobjects/Account/@{found.records[0].Id}?fields=Name`, referenceId: 'account' },
      ],
    });
    expect(reply.json<Composite>().compositeResponse[1]?.body).toMatchObject({ Name: 'Globex Industries' });
  });

  it('rolls everything back with allOrNone when one subrequest fails', async () => {
    const reply = await composite({
      allOrNone: true,
      compositeRequest: [
        { method: 'POST', url: `${V}/sobjects/Account`, referenceId: 'good', body: { Name: 'Rolled Back Co' } },
        { method: 'POST', url: `${V}/sobjects/Contact`, referenceId: 'bad', body: { FirstName: 'No last name' } },
        { method: 'GET', url: `${V}/limits`, referenceId: 'after' },
      ],
    });
    expect(reply.status).toBe(200);
    const [good, bad, after] = reply.json<Composite>().compositeResponse;
    expect(good?.httpStatusCode).toBe(400);
    expect((good?.body as ErrorList)[0]?.errorCode).toBe('PROCESSING_HALTED');
    expect(bad?.httpStatusCode).toBe(400);
    expect((bad?.body as ErrorList)[0]?.errorCode).toBe('REQUIRED_FIELD_MISSING');
    expect((after?.body as ErrorList)[0]?.errorCode).toBe('PROCESSING_HALTED');
    expect(await accountsNamed('Rolled Back Co')).toBe(0);
  });

  it('keeps independent successes without allOrNone and halts only dependents', async () => {
    const reply = await composite({
      allOrNone: false,
      compositeRequest: [
        { method: 'POST', url: `${V}/sobjects/Account`, referenceId: 'kept', body: { Name: 'Kept Co' } },
        { method: 'POST', url: `${V}/sobjects/Account`, referenceId: 'broken', body: { Industry: 'No name' } },
        { method: 'POST', url: `${V}/sobjects/Contact`, referenceId: 'dependent', body: { LastName: 'x', AccountId: '@{broken.id}' } },
      ],
    });
    const [kept, broken, dependent] = reply.json<Composite>().compositeResponse;
    expect(kept?.httpStatusCode).toBe(201);
    expect(broken?.httpStatusCode).toBe(400);
    expect(dependent?.httpStatusCode).toBe(400);
    expect((dependent?.body as ErrorList)[0]?.errorCode).toBe('PROCESSING_HALTED');
    expect(await accountsNamed('Kept Co')).toBe(1);
  });

  it('refuses more than 25 subrequests with 400', async () => {
    const compositeRequest = Array.from({ length: 26 }, (_, i) => ({ method: 'GET', url: `${V}/limits`, referenceId: `r${i}` }));
    const reply = await composite({ compositeRequest });
    expect(reply.status).toBe(400);
    expect(Array.isArray(reply.json())).toBe(true);
  });

  it('counts the whole composite request as one API call', async () => {
    const reply = await composite({
      compositeRequest: [
        { method: 'GET', url: `${V}/limits`, referenceId: 'a' },
        { method: 'GET', url: `${V}/limits`, referenceId: 'b' },
      ],
    });
    expect(reply.headers['sforce-limit-info']).toBe('api-usage=1/15000');
  });
});

describe('/composite/tree', () => {
  const tree = (records: unknown[]) => org.send('POST', `${V}/composite/tree/Account`, { body: { records } });

  it('creates parents and nested children and returns each referenceId with its id', async () => {
    const reply = await tree([
      {
        attributes: { type: 'Account', referenceId: 'acc1' },
        Name: 'Tree Root',
        Contacts: { records: [{ attributes: { type: 'Contact', referenceId: 'con1' }, LastName: 'Leaf' }] },
      },
    ]);
    expect(reply.status).toBe(201);
    const body = reply.json<{ hasErrors: boolean; results: { referenceId: string; id: string }[] }>();
    expect(body.hasErrors).toBe(false);
    expect(body.results.map((r) => r.referenceId)).toEqual(['acc1', 'con1']);
    const contactId = body.results[1]?.id ?? '';
    const contact = (await org.send('GET', `${V}/sobjects/Contact/${contactId}?fields=AccountId`)).json<{ AccountId: string }>();
    expect(contact.AccountId).toBe(body.results[0]?.id);
  });

  it('writes nothing when one record fails and reports that record', async () => {
    const reply = await tree([
      { attributes: { type: 'Account', referenceId: 'ok' }, Name: 'Tree Never' },
      { attributes: { type: 'Account', referenceId: 'broken' }, Industry: 'Energy' },
    ]);
    expect(reply.status).toBe(400);
    expect(reply.json()).toEqual({
      hasErrors: true,
      results: [{ referenceId: 'broken', errors: [{ statusCode: 'REQUIRED_FIELD_MISSING', message: 'Required fields are missing: [Name]', fields: ['Name'] }] }],
    });
    expect(await accountsNamed('Tree Never')).toBe(0);
  });

  it('accepts 200 records and refuses 201', async () => {
    const records = (n: number) => Array.from({ length: n }, (_, i) => ({ attributes: { type: 'Account', referenceId: `a${i}` }, Name: `Bulk ${i}` }));
    expect((await tree(records(200))).status).toBe(201);
    const reply = await tree(records(201));
    expect(reply.status).toBe(400);
  });
});

describe('/composite/sobjects', () => {
  it('creates records of several types and returns save results in order', async () => {
    const reply = await org.send('POST', `${V}/composite/sobjects`, {
      body: {
        records: [
          { attributes: { type: 'Account' }, Name: 'Collection Co' },
          { attributes: { type: 'Lead' }, LastName: 'Collected', Company: 'Collection Co' },
        ],
      },
    });
    expect(reply.status).toBe(200);
    const results = reply.json<SaveResult[]>();
    expect(results.map((r) => r.success)).toEqual([true, true]);
    expect(results[0]?.id).toMatch(/^001/);
    expect(results[1]?.id).toMatch(/^00Q/);
  });

  it('keeps the valid records and reports the invalid one without allOrNone', async () => {
    const results = (
      await org.send('POST', `${V}/composite/sobjects`, {
        body: { records: [{ attributes: { type: 'Account' }, Name: 'Partial Co' }, { attributes: { type: 'Account' } }] },
      })
    ).json<SaveResult[]>();
    expect(results[0]?.success).toBe(true);
    expect(results[1]).toEqual({
      success: false,
      errors: [{ statusCode: 'REQUIRED_FIELD_MISSING', message: 'Required fields are missing: [Name]', fields: ['Name'] }],
    });
    expect(await accountsNamed('Partial Co')).toBe(1);
  });

  it('rolls back the valid records with allOrNone', async () => {
    const results = (
      await org.send('POST', `${V}/composite/sobjects`, {
        body: { allOrNone: true, records: [{ attributes: { type: 'Account' }, Name: 'All Or None Co' }, { attributes: { type: 'Account' } }] },
      })
    ).json<SaveResult[]>();
    expect(results[0]?.success).toBe(false);
    expect(results[0]?.errors[0]?.statusCode).toBe('ALL_OR_NONE_OPERATION_ROLLED_BACK');
    expect(results[1]?.errors[0]?.statusCode).toBe('REQUIRED_FIELD_MISSING');
    expect(await accountsNamed('All Or None Co')).toBe(0);
  });

  it('updates records by Id with PATCH', async () => {
    const results = (
      await org.send('PATCH', `${V}/composite/sobjects`, {
        body: { records: [{ attributes: { type: 'Contact' }, id: ACME.contacts.rosa.id, Title: 'COO' }] },
      })
    ).json<SaveResult[]>();
    expect(results).toEqual([{ id: ACME.contacts.rosa.id, success: true, errors: [] }]);
    const contact = (await org.send('GET', `${V}/sobjects/Contact/${ACME.contacts.rosa.id}?fields=Title`)).json<{ Title: string }>();
    expect(contact.Title).toBe('COO');
  });

  it('deletes records listed in ?ids=', async () => {
    const results = (await org.send('DELETE', `${V}/composite/sobjects?ids=${ACME.contacts.marcus.id},003000000000000AAA`)).json<SaveResult[]>();
    expect(results[0]).toEqual({ id: ACME.contacts.marcus.id, success: true, errors: [] });
    expect(results[1]?.success).toBe(false);
  });

  it('retrieves several records of one type with ids and fields', async () => {
    const reply = await org.send('GET', `${V}/composite/sobjects/Contact?ids=${ACME.contacts.rosa.id},${ACME.contacts.marcus.id}&fields=Name`);
    expect(reply.json<{ Name: string }[]>().map((r) => r.Name)).toEqual(['Rosa Delgado', 'Marcus Ohene']);
  });

  it('refuses more than 200 records', async () => {
    const records = Array.from({ length: 201 }, (_, i) => ({ attributes: { type: 'Account' }, Name: `Too many ${i}` }));
    const reply = await org.send('POST', `${V}/composite/sobjects`, { body: { records } });
    expect(reply.status).toBe(400);
    expect(reply.json<ErrorList>()[0]?.errorCode).toBe('EXCEEDED_ID_LIMIT');
  });
});

describe('/composite/batch', () => {
  it('runs independent subrequests and reports each status', async () => {
    const reply = await org.send('POST', `${V}/composite/batch`, {
      body: { batchRequests: [{ method: 'GET', url: 'v62.0/limits' }, { method: 'GET', url: 'v62.0/sobjects/Nope' }] },
    });
    const body = reply.json<{ hasErrors: boolean; results: { statusCode: number }[] }>();
    expect(body.hasErrors).toBe(true);
    expect(body.results.map((r) => r.statusCode)).toEqual([200, 404]);
  });
});
