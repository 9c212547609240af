import { describe, expect, it } from 'vitest';
import { SalesforceError } from '../../sandbox/salesforce/model';
import { executeQuery, shapeRecord } from '../../sandbox/salesforce/soql';
import { dateLiteralRange, toDateString } from '../../sandbox/salesforce/soql/dates';
import {
  NOW,
  accounts,
  adminAccess,
  buildDatabase,
  contacts,
  leads,
  opportunities,
  restrictedAccess,
  tasks,
  users,
} from './soql-fixture';

const db = buildDatabase();

function query(soql: string, access = adminAccess) {
  return executeQuery(db, soql, access, '62.0');
}

function names(soql: string, access = adminAccess): unknown[] {
  return query(soql, access).records.map((r) => r.Name ?? r.Subject);
}

function errorOf(soql: string, access = adminAccess): SalesforceError {
  try {
    query(soql, access);
  } catch (error) {
    if (error instanceof SalesforceError) return error;
    throw error;
  }
  throw new Error(`expected ${soql} to fail`);
}

const url = (type: string, id: string) => `/services/data/v62.0/sobjects/${type}/${id}`;

describe('SELECT output', () => {
  it('puts attributes first, then the selected fields in SELECT order with canonical names', () => {
    const { records, totalSize } = query(`select NUMBEROFEMPLOYEES, name, ID from account where name = 'Acme Corp'`);
    expect(totalSize).toBe(1);
    expect(Object.keys(records[0] ?? {})).toEqual(['attributes', 'NumberOfEmployees', 'Name', 'Id']);
    expect(records[0]).toEqual({
      attributes: { type: 'Account', url: url('Account', accounts.acme.Id) },
      NumberOfEmployees: 120,
      Name: 'Acme Corp',
      Id: accounts.acme.Id,
    });
  });

  it('accepts a v-prefixed API version in record URLs', () => {
    const { records } = executeQuery(db, `SELECT Id FROM User WHERE Name = 'Rex Rep'`, adminAccess, 'v59.0');
    expect(records[0]?.attributes).toEqual({ type: 'User', url: `/services/data/v59.0/sobjects/User/${users.rex.Id}` });
  });

  it('gives the attributes even when Id is not selected, and null for empty fields', () => {
    const { records } = query(`SELECT Industry FROM Account WHERE Name = 'Initech'`);
    expect(records).toEqual([{ attributes: { type: 'Account', url: url('Account', accounts.initech.Id) }, Industry: null }]);
  });

  it('returns records in insertion order without ORDER BY, as a stable org does', () => {
    expect(names('SELECT Name FROM Account')).toEqual([
      'Acme Corp',
      'Globex',
      'Initech',
      'Private Holdings',
      '50% Off_Shop',
    ]);
  });

  it('nests a parent field as an object with its own attributes', () => {
    const { records } = query(`SELECT Name, Account.Name FROM Contact WHERE LastName = 'Smith'`);
    expect(records[0]).toEqual({
      attributes: { type: 'Contact', url: url('Contact', contacts.alice.Id) },
      Name: 'Alice Smith',
      Account: { attributes: { type: 'Account', url: url('Account', accounts.acme.Id) }, Name: 'Acme Corp' },
    });
  });

  it('gives null for a parent when the lookup is empty', () => {
    const { records } = query(`SELECT Account.Name FROM Contact WHERE LastName = 'Black'`);
    expect(records[0]?.Account).toBeNull();
  });

  it('merges several fields of one parent into one object, in SELECT order', () => {
    const { records } = query(`SELECT account.industry, Id, ACCOUNT.name FROM Contact WHERE LastName = 'Smith'`);
    expect(Object.keys(records[0] ?? {})).toEqual(['attributes', 'Account', 'Id']);
    expect(records[0]?.Account).toEqual({
      attributes: { type: 'Account', url: url('Account', accounts.acme.Id) },
      Industry: 'Technology',
      Name: 'Acme Corp',
    });
  });

  it('follows several levels of parents', () => {
    const { records } = query(`SELECT Account.Owner.Name FROM Contact WHERE LastName = 'White'`);
    expect(records[0]?.Account).toEqual({
      attributes: { type: 'Account', url: url('Account', accounts.globex.Id) },
      Owner: { attributes: { type: 'User', url: url('User', users.rex.Id) }, Name: 'Rex Rep' },
    });
  });

  it('types a polymorphic parent as Name, with the URL of the record it points to', () => {
    const { records } = query(`SELECT Subject, What.Name, What.Type, Who.Name FROM Task ORDER BY Subject`);
    const bySubject = Object.fromEntries(records.map((r) => [r.Subject, r]));
    expect(bySubject['Call Acme']?.What).toEqual({
      attributes: { type: 'Name', url: url('Account', accounts.acme.Id) },
      Name: 'Acme Corp',
      Type: 'Account',
    });
    expect(bySubject['Email about deal']?.What).toEqual({
      attributes: { type: 'Name', url: url('Opportunity', opportunities.globexDeal.Id) },
      Name: 'Globex Deal',
      Type: 'Opportunity',
    });
    expect(bySubject['Follow up']?.Who).toEqual({
      attributes: { type: 'Name', url: url('Lead', leads.lara.Id) },
      Name: 'Lara Lead',
    });
    expect(bySubject['Follow up']?.What).toBeNull();
  });

  it('only allows the Name entity fields after a polymorphic relationship', () => {
    const error = errorOf('SELECT What.Industry FROM Task');
    expect(error.errorCode).toBe('INVALID_FIELD');
    expect(error.message).toContain("No such column 'Industry' on entity 'Name'");
  });

  it('accepts the object name and the object alias as a prefix', () => {
    expect(query(`SELECT Contact.Account.Name FROM Contact WHERE Contact.LastName = 'Smith'`).records[0]?.Account).toEqual(
      { attributes: { type: 'Account', url: url('Account', accounts.acme.Id) }, Name: 'Acme Corp' },
    );
    expect(query(`SELECT a.Name FROM Account a WHERE a.Industry = 'Energy'`).records[0]?.Name).toBe('Globex');
  });

  it('refuses a field selected twice', () => {
    const error = errorOf('SELECT Id, Name, id FROM Account');
    expect(error.errorCode).toBe('MALFORMED_QUERY');
    expect(error.message).toBe('duplicate field selected: id');
  });

  it('refuses an alias on a plain field outside aggregate queries', () => {
    expect(errorOf('SELECT Name n FROM Account').errorCode).toBe('MALFORMED_QUERY');
  });

  it('expands FIELDS(STANDARD) to the readable standard fields', () => {
    const record = query(`SELECT FIELDS(STANDARD) FROM Account WHERE Name = 'Acme Corp'`, restrictedAccess).records[0];
    expect(record).toHaveProperty('Industry', 'Technology');
    expect(record).not.toHaveProperty('Secret__c');
    expect(record).not.toHaveProperty('Regions__c');
  });

  it('requires a LIMIT of at most 200 with FIELDS(ALL)', () => {
    expect(errorOf('SELECT FIELDS(ALL) FROM Account').errorCode).toBe('MALFORMED_QUERY');
    expect(query('SELECT FIELDS(ALL) FROM Account LIMIT 1').records[0]).toHaveProperty('Regions__c', 'EMEA;APAC');
  });

  it('translates picklist values with toLabel()', () => {
    const { records } = query(`SELECT toLabel(Industry) FROM Account WHERE Name = 'Globex'`);
    expect(records[0]?.Industry).toBe('Energy (label)');
  });
});

describe('child subqueries', () => {
  it('returns children as {totalSize, done, records}, ordered and limited', () => {
    const { records } = query(
      `SELECT Name, (SELECT LastName FROM Contacts ORDER BY LastName DESC LIMIT 1) FROM Account WHERE Name = 'Acme Corp'`,
    );
    expect(records[0]?.Contacts).toEqual({
      totalSize: 1,
      done: true,
      records: [{ attributes: { type: 'Contact', url: url('Contact', contacts.alice.Id) }, LastName: 'Smith' }],
    });
  });

  it('gives null when an account has no children', () => {
    const { records } = query(`SELECT Name, (SELECT Id FROM Contacts) FROM Account WHERE Name = 'Initech'`);
    expect(records[0]?.Contacts).toBeNull();
  });

  it('filters children with the subquery WHERE and reads their parents', () => {
    const { records } = query(
      `SELECT (SELECT Name, Owner.Name FROM Opportunities WHERE StageName != 'Closed Won') FROM Account WHERE Name = 'Acme Corp'`,
    );
    expect(records[0]?.Opportunities).toEqual({
      totalSize: 1,
      done: true,
      records: [
        {
          attributes: { type: 'Opportunity', url: url('Opportunity', opportunities.renewal.Id) },
          Name: 'Acme Renewal',
          Owner: { attributes: { type: 'User', url: url('User', users.ada.Id) }, Name: 'Ada Admin' },
        },
      ],
    });
  });

  it('uses the canonical relationship name as the key whatever the case written', () => {
    const { records } = query(`SELECT (SELECT Subject FROM tasks) FROM Account WHERE Name = 'Acme Corp'`);
    expect(records[0]).toHaveProperty('Tasks.totalSize', 1);
  });

  it('refuses an unknown child relationship with INVALID_TYPE', () => {
    const error = errorOf('SELECT Id, (SELECT Id FROM Widgets) FROM Account');
    expect(error.errorCode).toBe('INVALID_TYPE');
    expect(error.message).toContain("Didn't understand relationship 'Widgets' in FROM part of query call");
  });

  it('refuses OFFSET in a subquery unless the outer query has LIMIT 1', () => {
    expect(errorOf('SELECT (SELECT Id FROM Contacts OFFSET 1) FROM Account').errorCode).toBe('MALFORMED_QUERY');
    expect(query(`SELECT (SELECT Id FROM Contacts OFFSET 1) FROM Account WHERE Name = 'Acme Corp' LIMIT 1`).totalSize).toBe(1);
  });
});

describe('WHERE', () => {
  it('compares strings case-insensitively', () => {
    expect(names(`SELECT Name FROM Account WHERE Name = 'ACME corp'`)).toEqual(['Acme Corp']);
  });

  it('keeps blank values with != as SOQL does', () => {
    expect(names(`SELECT Name FROM Account WHERE Industry != 'Retail'`)).toEqual(['Acme Corp', 'Globex', 'Initech']);
  });

  it('filters with = null and != null', () => {
    expect(names('SELECT Name FROM Account WHERE Industry = null')).toEqual(['Initech']);
    expect(names('SELECT Name FROM Account WHERE AnnualRevenue != null')).toHaveLength(4);
  });

  it('combines AND, OR and NOT with parentheses', () => {
    expect(
      names(`SELECT Name FROM Account WHERE (Industry = 'Energy' OR Industry = 'Retail') AND NOT Name LIKE 'Private%'`),
    ).toEqual(['Globex', '50% Off_Shop']);
    expect(names(`SELECT Name FROM Account WHERE NOT (Industry = 'Retail' OR Industry = null)`)).toEqual([
      'Acme Corp',
      'Globex',
    ]);
    expect(names(`SELECT Name FROM Account WHERE (NOT Industry = 'Retail') AND NumberOfEmployees > 20`)).toEqual([
      'Acme Corp',
      'Globex',
    ]);
  });

  it('refuses AND and OR mixed without parentheses', () => {
    const error = errorOf(`SELECT Id FROM Account WHERE Name = 'a' AND Name = 'b' OR Name = 'c'`);
    expect(error.errorCode).toBe('MALFORMED_QUERY');
    expect(error.message).toContain('unexpected token: OR');
  });

  it('compares numbers with <, >, <=, >= and <>', () => {
    expect(names('SELECT Name FROM Account WHERE NumberOfEmployees < 50')).toEqual(['Initech', '50% Off_Shop']);
    expect(names('SELECT Name FROM Account WHERE NumberOfEmployees <= 50')).toEqual(['Globex', 'Initech', '50% Off_Shop']);
    expect(names('SELECT Name FROM Account WHERE NumberOfEmployees > 120')).toEqual(['Private Holdings']);
    expect(names('SELECT Name FROM Account WHERE NumberOfEmployees <> 120 AND NumberOfEmployees != 10')).toEqual([
      'Globex',
      'Private Holdings',
      '50% Off_Shop',
    ]);
    expect(names('SELECT Name FROM Account WHERE NumberOfEmployees >= 120')).toEqual(['Acme Corp', 'Private Holdings']);
    expect(names('SELECT Name FROM Account WHERE AnnualRevenue > 1000000.50 AND AnnualRevenue < USD3000000')).toEqual([
      'Globex',
    ]);
  });

  it('leaves null values out of range comparisons', () => {
    expect(names('SELECT Name FROM Account WHERE AnnualRevenue < 1000')).toEqual(['50% Off_Shop']);
  });

  it('compares strings in order case-insensitively', () => {
    expect(names(`SELECT Name FROM Account WHERE Name > 'h' ORDER BY Name`)).toEqual(['Initech', 'Private Holdings']);
  });

  it('matches LIKE case-insensitively with % and _', () => {
    expect(names(`SELECT Name FROM Account WHERE Name LIKE 'a%'`)).toEqual(['Acme Corp']);
    expect(names(`SELECT Name FROM Account WHERE Name LIKE '%E_'`)).toEqual(['Globex']);
    expect(names(`SELECT Name FROM Account WHERE Name LIKE '%O_'`)).toEqual(['50% Off_Shop']);
    expect(names(`SELECT Name FROM Account WHERE Name LIKE 'glob_x'`)).toEqual(['Globex']);
  });

  it('refuses LIKE with a literal that is not a string', () => {
    expect(errorOf('SELECT Name FROM Account WHERE Name LIKE 5').errorCode).toBe('INVALID_FIELD');
    expect(errorOf(`SELECT Name FROM Account WHERE NumberOfEmployees LIKE '5'`).errorCode).toBe(
      'INVALID_QUERY_FILTER_OPERATOR',
    );
  });

  it('treats escaped % and _ in LIKE as literal characters', () => {
    expect(names(`SELECT Name FROM Account WHERE Name LIKE '50\\% Off\\_%'`)).toEqual(['50% Off_Shop']);
    expect(names(`SELECT Name FROM Account WHERE Name LIKE '50\\%_Off%'`)).toEqual(['50% Off_Shop']);
    expect(names(`SELECT Name FROM Account WHERE Name LIKE 'Acme\\_Corp'`)).toEqual([]);
  });

  it('unescapes quotes in string literals', () => {
    expect(names(`SELECT Name FROM Account WHERE Name = 'O\\'Brien'`)).toEqual([]);
    expect(errorOf(`SELECT Name FROM Account WHERE Name = 'a\\qb'`).errorCode).toBe('MALFORMED_QUERY');
  });

  it('filters with IN and NOT IN lists', () => {
    expect(names(`SELECT Name FROM Account WHERE Industry IN ('energy', 'Technology')`)).toEqual(['Acme Corp', 'Globex']);
    expect(names(`SELECT Name FROM Account WHERE Industry NOT IN ('Retail', 'Energy')`)).toEqual(['Acme Corp', 'Initech']);
  });

  it('filters with a semi-join subquery', () => {
    expect(names(`SELECT Name FROM Account WHERE Id IN (SELECT AccountId FROM Contact WHERE FirstName LIKE 'C%')`)).toEqual([
      'Globex',
    ]);
  });

  it('filters with an anti-join subquery', () => {
    expect(names('SELECT Name FROM Account WHERE Id NOT IN (SELECT AccountId FROM Opportunity)')).toEqual([
      'Initech',
      '50% Off_Shop',
    ]);
  });

  it('semi-joins on a reference field', () => {
    expect(names(`SELECT Name FROM Contact WHERE AccountId IN (SELECT Id FROM Account WHERE Industry = 'Energy')`)).toEqual([
      'Carol White',
    ]);
  });

  it('matches multi-select picklists with INCLUDES, EXCLUDES and set equality', () => {
    expect(names(`SELECT Name FROM Account WHERE Regions__c INCLUDES ('APAC;emea')`)).toEqual(['Acme Corp', '50% Off_Shop']);
    expect(names(`SELECT Name FROM Account WHERE Regions__c INCLUDES ('AMER', 'APAC')`)).toEqual([
      'Acme Corp',
      'Globex',
      '50% Off_Shop',
    ]);
    expect(names(`SELECT Name FROM Account WHERE Regions__c EXCLUDES ('APAC')`)).toEqual([
      'Globex',
      'Initech',
      'Private Holdings',
    ]);
    expect(names(`SELECT Name FROM Account WHERE Regions__c = 'APAC;EMEA'`)).toEqual(['Acme Corp']);
  });

  it('refuses INCLUDES on a field that is not a multi-select picklist', () => {
    expect(errorOf(`SELECT Id FROM Account WHERE Industry INCLUDES ('Energy')`).errorCode).toBe(
      'INVALID_QUERY_FILTER_OPERATOR',
    );
  });

  it('filters booleans', () => {
    expect(names('SELECT Name FROM Account WHERE IsPartner__c = TRUE')).toEqual(['Acme Corp']);
    expect(names('SELECT Name FROM Account WHERE IsPartner__c = false')).toHaveLength(4);
  });

  it('filters on parent fields, and a missing parent matches nothing but = null', () => {
    expect(names(`SELECT Name FROM Contact WHERE Account.Industry = 'technology'`)).toEqual(['Alice Smith', 'Bob Jones']);
    expect(names('SELECT Name FROM Contact WHERE Account.Name = null')).toEqual(['Dan Black']);
    expect(names(`SELECT Name FROM Contact WHERE Account.Owner.Name = 'Rex Rep'`)).toEqual(['Carol White']);
  });

  it('filters on a polymorphic parent', () => {
    expect(names(`SELECT Subject FROM Task WHERE What.Type = 'Opportunity'`)).toEqual(['Email about deal']);
    expect(names(`SELECT Subject FROM Task WHERE What.Name LIKE 'acme%'`)).toEqual(['Call Acme']);
  });

  it('matches ids given in 15 or 18 characters, in any case for 18', () => {
    const id15 = accounts.globex.Id.slice(0, 15);
    expect(names(`SELECT Name FROM Account WHERE Id = '${id15}'`)).toEqual(['Globex']);
    expect(names(`SELECT Name FROM Account WHERE Id = '${accounts.globex.Id.toLowerCase()}'`)).toEqual(['Globex']);
    expect(names(`SELECT Name FROM Contact WHERE AccountId IN ('${id15}')`)).toEqual(['Carol White']);
  });

  it('refuses a malformed id with INVALID_QUERY_FILTER_OPERATOR', () => {
    const error = errorOf(`SELECT Id FROM Account WHERE Id = 'nope'`);
    expect(error.errorCode).toBe('INVALID_QUERY_FILTER_OPERATOR');
    expect(error.message).toBe('invalid ID field: nope');
  });

  it('refuses a literal of the wrong type', () => {
    const quoted = errorOf(`SELECT Id FROM Account WHERE NumberOfEmployees = '5'`);
    expect(quoted.errorCode).toBe('INVALID_FIELD');
    expect(quoted.message).toBe(
      "value of filter criterion for field 'NumberOfEmployees' must be of type int and should not be enclosed in quotes",
    );
    expect(errorOf('SELECT Id FROM Account WHERE Name = 5').message).toBe(
      "value of filter criterion for field 'Name' must be of type string and should be enclosed in quotes",
    );
  });

  it('refuses a date literal on a field that is not a date', () => {
    const error = errorOf('SELECT Id FROM Account WHERE Name = TODAY');
    expect(error.errorCode).toBe('INVALID_FIELD');
    expect(error.message).toContain("field 'Name' must be of type string");
  });

  it('refuses a date on a datetime field and a datetime on a date field', () => {
    expect(errorOf('SELECT Id FROM Account WHERE CreatedDate > 2026-01-01').message).toContain('must be of type dateTime');
    expect(errorOf('SELECT Id FROM Account WHERE LastActivityDate > 2026-01-01T00:00:00Z').message).toContain(
      'must be of type date and',
    );
  });

  it('refuses to filter on a long text area', () => {
    const error = errorOf(`SELECT Id FROM Account WHERE Description = 'x'`);
    expect(error.errorCode).toBe('INVALID_FIELD');
    expect(error.message).toContain("field 'Description' can not be filtered in a query call");
  });

  it('filters with explicit date and datetime literals', () => {
    expect(names('SELECT Name FROM Account WHERE LastActivityDate >= 2026-03-15')).toEqual([
      'Private Holdings',
      '50% Off_Shop',
    ]);
    expect(names('SELECT Name FROM Account WHERE CreatedDate = 2026-03-17T09:00:00Z')).toEqual(['Acme Corp']);
    expect(names('SELECT Name FROM Account WHERE CreatedDate = 2026-03-17T10:00:00+01:00')).toEqual(['Acme Corp']);
    expect(names('SELECT Name FROM Account WHERE CreatedDate < 2026-01-05T12:00:00.000-00:30')).toEqual([
      'Globex',
      'Initech',
    ]);
  });

  it('filters with date functions', () => {
    expect(names('SELECT Name FROM Account WHERE CALENDAR_YEAR(CreatedDate) = 2025')).toEqual(['Initech']);
    expect(names('SELECT Name FROM Opportunity WHERE CALENDAR_MONTH(CloseDate) = 3 ORDER BY Name')).toEqual([
      'Acme Renewal',
      'Private Deal',
    ]);
  });
});

describe('date literals', () => {
  it('compares a datetime field with TODAY and YESTERDAY as UTC days', () => {
    expect(names('SELECT Name FROM Account WHERE CreatedDate = TODAY')).toEqual(['Private Holdings']);
    expect(names('SELECT Name FROM Account WHERE CreatedDate = YESTERDAY')).toEqual(['Acme Corp']);
  });

  it('reads < and > against the whole range', () => {
    expect(names('SELECT Name FROM Opportunity WHERE CloseDate > THIS_MONTH')).toEqual(['Globex Deal']);
    expect(names('SELECT Name FROM Opportunity WHERE CloseDate < THIS_MONTH')).toEqual(['Acme Expansion']);
    expect(names('SELECT Name FROM Opportunity WHERE CloseDate <= THIS_MONTH')).toHaveLength(3);
    expect(names('SELECT Name FROM Opportunity WHERE CloseDate >= THIS_MONTH')).toHaveLength(3);
  });

  it('starts weeks on Sunday', () => {
    expect(names('SELECT Name FROM Account WHERE LastActivityDate = THIS_WEEK')).toEqual([
      'Private Holdings',
      '50% Off_Shop',
    ]);
    expect(names('SELECT Name FROM Account WHERE LastActivityDate = LAST_WEEK')).toEqual(['Acme Corp']);
  });

  it('counts today in LAST_N_DAYS but not in NEXT_N_DAYS', () => {
    expect(names('SELECT Subject FROM Task WHERE ActivityDate = LAST_N_DAYS:6')).toEqual(['Follow up']);
    expect(names('SELECT Subject FROM Task WHERE ActivityDate = LAST_N_DAYS:5')).toEqual([]);
    expect(names('SELECT Name FROM Opportunity WHERE CloseDate = NEXT_N_DAYS:13')).toEqual(['Acme Renewal']);
    expect(names('SELECT Name FROM Opportunity WHERE CloseDate = NEXT_N_DAYS:1')).toEqual([]);
    expect(names('SELECT Subject FROM Task WHERE ActivityDate = N_DAYS_AGO:6')).toEqual(['Follow up']);
  });

  it('filters datetime fields with relative ranges', () => {
    expect(names('SELECT Name FROM Account WHERE CreatedDate = LAST_N_DAYS:3 ORDER BY Name')).toEqual([
      '50% Off_Shop',
      'Acme Corp',
      'Private Holdings',
    ]);
    expect(names('SELECT Name FROM Account WHERE CreatedDate = LAST_YEAR')).toEqual(['Initech']);
  });

  it('accepts IN with date literals', () => {
    expect(names('SELECT Name FROM Opportunity WHERE CloseDate IN (LAST_MONTH, NEXT_QUARTER)')).toEqual([
      'Acme Expansion',
      'Globex Deal',
    ]);
  });

  const range = (literal: string, n?: number) => {
    const r = dateLiteralRange(literal, n, NOW);
    return r ? [toDateString(r.start), toDateString(r.end)] : null;
  };

  it.each([
    ['YESTERDAY', undefined, '2026-03-17', '2026-03-18'],
    ['TODAY', undefined, '2026-03-18', '2026-03-19'],
    ['TOMORROW', undefined, '2026-03-19', '2026-03-20'],
    ['LAST_WEEK', undefined, '2026-03-08', '2026-03-15'],
    ['THIS_WEEK', undefined, '2026-03-15', '2026-03-22'],
    ['NEXT_WEEK', undefined, '2026-03-22', '2026-03-29'],
    ['LAST_MONTH', undefined, '2026-02-01', '2026-03-01'],
    ['THIS_MONTH', undefined, '2026-03-01', '2026-04-01'],
    ['NEXT_MONTH', undefined, '2026-04-01', '2026-05-01'],
    ['LAST_90_DAYS', undefined, '2025-12-18', '2026-03-19'],
    ['NEXT_90_DAYS', undefined, '2026-03-19', '2026-06-17'],
    ['LAST_N_DAYS', 1, '2026-03-17', '2026-03-19'],
    ['NEXT_N_DAYS', 2, '2026-03-19', '2026-03-21'],
    ['N_DAYS_AGO', 3, '2026-03-15', '2026-03-16'],
    ['LAST_N_WEEKS', 2, '2026-03-01', '2026-03-15'],
    ['NEXT_N_WEEKS', 1, '2026-03-22', '2026-03-29'],
    ['LAST_N_MONTHS', 3, '2025-12-01', '2026-03-01'],
    ['NEXT_N_MONTHS', 2, '2026-04-01', '2026-06-01'],
    ['THIS_QUARTER', undefined, '2026-01-01', '2026-04-01'],
    ['LAST_QUARTER', undefined, '2025-10-01', '2026-01-01'],
    ['NEXT_QUARTER', undefined, '2026-04-01', '2026-07-01'],
    ['LAST_N_QUARTERS', 2, '2025-07-01', '2026-01-01'],
    ['NEXT_N_QUARTERS', 2, '2026-04-01', '2026-10-01'],
    ['THIS_YEAR', undefined, '2026-01-01', '2027-01-01'],
    ['LAST_YEAR', undefined, '2025-01-01', '2026-01-01'],
    ['NEXT_YEAR', undefined, '2027-01-01', '2028-01-01'],
    ['LAST_N_YEARS', 2, '2024-01-01', '2026-01-01'],
    ['NEXT_N_YEARS', 1, '2027-01-01', '2028-01-01'],
    ['THIS_FISCAL_YEAR', undefined, '2026-01-01', '2027-01-01'],
  ] as const)('%s:%s runs from %s up to (not including) %s', (literal, n, start, end) => {
    expect(range(literal, n)).toEqual([start, end]);
  });

  it('rolls weeks, months and years over their boundaries', () => {
    const sunday = new Date('2026-01-04T00:00:00Z');
    expect(dateLiteralRange('THIS_WEEK', undefined, sunday)?.start.toISOString()).toBe('2026-01-04T00:00:00.000Z');
    const newYear = new Date('2026-01-01T23:59:59Z');
    expect(dateLiteralRange('LAST_MONTH', undefined, newYear)?.start.toISOString()).toBe('2025-12-01T00:00:00.000Z');
    expect(dateLiteralRange('LAST_WEEK', undefined, newYear)?.start.toISOString()).toBe('2025-12-21T00:00:00.000Z');
  });
});

describe('ORDER BY, LIMIT and OFFSET', () => {
  it('sorts by several fields in both directions', () => {
    expect(names('SELECT Name FROM Account WHERE Industry != null ORDER BY Industry DESC, Name ASC')).toEqual([
      '50% Off_Shop',
      'Private Holdings',
      'Globex',
      'Acme Corp',
    ]);
  });

  it('sorts picklists in the order the picklist defines, not alphabetically', () => {
    expect(names('SELECT Name FROM Opportunity ORDER BY StageName, Name')).toEqual([
      'Acme Renewal',
      'Globex Deal',
      'Acme Expansion',
      'Private Deal',
    ]);
  });

  it('puts nulls first ascending and last descending by default', () => {
    expect(names('SELECT Name FROM Account ORDER BY AnnualRevenue')[0]).toBe('Initech');
    expect(names('SELECT Name FROM Account ORDER BY AnnualRevenue DESC').at(-1)).toBe('Initech');
  });

  it('honours NULLS FIRST and NULLS LAST', () => {
    expect(names('SELECT Name FROM Account ORDER BY AnnualRevenue ASC NULLS LAST').at(-1)).toBe('Initech');
    expect(names('SELECT Name FROM Account ORDER BY AnnualRevenue DESC NULLS FIRST')[0]).toBe('Initech');
  });

  it('sorts text case-insensitively', () => {
    expect(names('SELECT Name FROM Contact ORDER BY Email DESC LIMIT 2')).toEqual(['Eve Hidden', 'Dan Black']);
  });

  it('sorts by a parent field', () => {
    expect(names('SELECT Name FROM Contact WHERE AccountId != null ORDER BY Account.Name DESC, Name')).toEqual([
      'Eve Hidden',
      'Carol White',
      'Alice Smith',
      'Bob Jones',
    ]);
  });

  it('applies OFFSET then LIMIT after sorting', () => {
    expect(names('SELECT Name FROM Account ORDER BY Name LIMIT 2 OFFSET 1')).toEqual(['Acme Corp', 'Globex']);
    expect(query('SELECT Name FROM Account LIMIT 0').records).toEqual([]);
  });

  it('refuses an OFFSET above 2000', () => {
    const error = errorOf('SELECT Id FROM Account OFFSET 2001');
    expect(error.errorCode).toBe('NUMBER_OUTSIDE_VALID_RANGE');
    expect(query('SELECT Id FROM Account OFFSET 2000').records).toEqual([]);
  });

  it('refuses to sort on a long text area', () => {
    const error = errorOf('SELECT Id FROM Account ORDER BY Description');
    expect(error.errorCode).toBe('INVALID_FIELD');
    expect(error.message).toContain("field 'Description' can not be sorted in a query call");
  });
});

describe('aggregates', () => {
  it('answers COUNT() with totalSize and no records', () => {
    expect(query('SELECT COUNT() FROM Account')).toEqual({ records: [], totalSize: 5 });
    expect(query(`SELECT COUNT() FROM Account WHERE Industry = 'Retail'`)).toEqual({ records: [], totalSize: 2 });
  });

  it('counts only the records the user may see', () => {
    expect(query('SELECT COUNT() FROM Account', restrictedAccess).totalSize).toBe(4);
  });

  it('names unaliased aggregates expr0, expr1… and gives AggregateResult attributes', () => {
    const { records, totalSize } = query('SELECT COUNT(Id), SUM(AnnualRevenue) FROM Account');
    expect(totalSize).toBe(1);
    expect(records).toEqual([{ attributes: { type: 'AggregateResult' }, expr0: 5, expr1: 16_000_100 }]);
  });

  it('counts non-null values with COUNT(field) and distinct ones with COUNT_DISTINCT', () => {
    const { records } = query('SELECT COUNT(Industry), COUNT_DISTINCT(Industry) distinctIndustries FROM Account');
    expect(records[0]).toEqual({ attributes: { type: 'AggregateResult' }, expr0: 4, distinctIndustries: 3 });
  });

  it('groups with aliases, keeping the grouped field name as key', () => {
    const { records } = query(
      'SELECT Industry, COUNT(Id) n, MAX(NumberOfEmployees), MIN(Name), AVG(NumberOfEmployees) FROM Account GROUP BY Industry ORDER BY Industry',
    );
    expect(records).toEqual([
      { attributes: { type: 'AggregateResult' }, Industry: null, n: 1, expr0: 10, expr1: 'Initech', expr2: 10 },
      { attributes: { type: 'AggregateResult' }, Industry: 'Technology', n: 1, expr0: 120, expr1: 'Acme Corp', expr2: 120 },
      { attributes: { type: 'AggregateResult' }, Industry: 'Energy', n: 1, expr0: 50, expr1: 'Globex', expr2: 50 },
      { attributes: { type: 'AggregateResult' }, Industry: 'Retail', n: 2, expr0: 500, expr1: '50% Off_Shop', expr2: 251.5 },
    ]);
  });

  it('filters groups with HAVING and sorts by an aggregate', () => {
    const { records } = query(
      'SELECT AccountId, COUNT(Id) c FROM Contact WHERE AccountId != null GROUP BY AccountId HAVING COUNT(Id) > 0 ORDER BY COUNT(Id) DESC LIMIT 2',
    );
    expect(records[0]).toEqual({ attributes: { type: 'AggregateResult' }, AccountId: accounts.acme.Id, c: 2 });
    expect(records).toHaveLength(2);
    expect(names('SELECT Industry, COUNT(Id) FROM Account GROUP BY Industry HAVING COUNT(Id) > 1')).toEqual([undefined]);
  });

  it('groups by a parent field under the field name', () => {
    const { records } = query('SELECT Account.Name, SUM(Amount) total FROM Opportunity GROUP BY Account.Name ORDER BY Account.Name');
    expect(records.map((r) => [r.Name, r.total])).toEqual([
      ['Acme Corp', 60_000],
      ['Globex', 25_000],
      ['Private Holdings', 99_999],
    ]);
  });

  it('groups by a date function', () => {
    const { records } = query(
      'SELECT CALENDAR_YEAR(CreatedDate), COUNT(Id) FROM Account GROUP BY CALENDAR_YEAR(CreatedDate) ORDER BY CALENDAR_YEAR(CreatedDate)',
    );
    expect(records.map((r) => [r.expr0, r.expr1])).toEqual([
      [2025, 1],
      [2026, 4],
    ]);
  });

  it('gives one row with zero and null when nothing matches and there is no GROUP BY', () => {
    const { records } = query(`SELECT COUNT(Id), SUM(Amount) FROM Opportunity WHERE Name = 'none'`);
    expect(records).toEqual([{ attributes: { type: 'AggregateResult' }, expr0: 0, expr1: null }]);
  });

  it('gives no rows for an empty GROUP BY', () => {
    expect(query(`SELECT StageName, COUNT(Id) FROM Opportunity WHERE Name = 'none' GROUP BY StageName`).records).toEqual([]);
  });

  it('refuses a field that is neither grouped nor aggregated', () => {
    const error = errorOf('SELECT Name, COUNT(Id) FROM Account GROUP BY Industry');
    expect(error.errorCode).toBe('MALFORMED_QUERY');
    expect(error.message).toContain('Field must be grouped or aggregated: Name');
  });

  it('refuses SUM on a text field', () => {
    expect(errorOf('SELECT SUM(Name) FROM Account').errorCode).toBe('INVALID_FIELD');
  });
});

describe('errors', () => {
  it('reports an unknown field with the line, a caret and its position', () => {
    const error = errorOf('SELECT Id, Foo__c FROM Account');
    expect(error.status).toBe(400);
    expect(error.errorCode).toBe('INVALID_FIELD');
    expect(error.message).toBe(
      '\nSELECT Id, Foo__c FROM Account\n           ^\nERROR at Row:1:Column:12\n' +
        "No such column 'Foo__c' on entity 'Account'. If you are attempting to use a custom field, be sure to append the " +
        "'__c' after the custom field name. Please reference your WSDL or the describe call for the appropriate names.",
    );
  });

  it('counts rows and columns in a query over several lines', () => {
    const error = errorOf('SELECT Id\nFROM Account\nWHERE Nope = 1');
    expect(error.message).toMatch(/^\nWHERE Nope = 1\n {6}\^\nERROR at Row:3:Column:7\nNo such column 'Nope'/);
  });

  it('treats a field the user may not read as unknown, in SELECT and in WHERE', () => {
    expect(query('SELECT Secret__c FROM Account LIMIT 1').records[0]).toHaveProperty('Secret__c', 'classified');
    expect(errorOf('SELECT Secret__c FROM Account', restrictedAccess).message).toContain(
      "No such column 'Secret__c' on entity 'Account'",
    );
    expect(errorOf(`SELECT Id FROM Account WHERE Secret__c = 'x'`, restrictedAccess).errorCode).toBe('INVALID_FIELD');
    expect(errorOf(`SELECT Account.Secret__c FROM Contact`, restrictedAccess).errorCode).toBe('INVALID_FIELD');
  });

  it('reports an unknown object with INVALID_TYPE', () => {
    const error = errorOf('SELECT Id FROM Foo');
    expect(error.errorCode).toBe('INVALID_TYPE');
    expect(error.message).toBe(
      '\nSELECT Id FROM Foo\n               ^\nERROR at Row:1:Column:16\n' +
        "sObject type 'Foo' is not supported. If you are attempting to use a custom object, be sure to append the " +
        "'__c' after the entity name. Please reference your WSDL or the describe call for the appropriate names.",
    );
  });

  it('treats an object the user may not read as unknown', () => {
    expect(query('SELECT Name FROM invoice__c').records).toHaveLength(1);
    const error = errorOf('SELECT Name FROM Invoice__c', restrictedAccess);
    expect(error.errorCode).toBe('INVALID_TYPE');
    expect(error.message).toContain("sObject type 'Invoice__c' is not supported");
  });

  it('reports an unknown relationship', () => {
    const error = errorOf('SELECT Foo.Name FROM Contact');
    expect(error.errorCode).toBe('INVALID_FIELD');
    expect(error.message).toContain("Didn't understand relationship 'Foo' in field path.");
    expect(errorOf('SELECT AccountId.Name FROM Contact').message).toContain("relationship 'AccountId'");
  });

  it('reports unparseable text as MALFORMED_QUERY', () => {
    expect(errorOf('SELECT Id FROM').errorCode).toBe('MALFORMED_QUERY');
    expect(errorOf('SELECT Id FROM').message).toContain('unexpected token: <EOF>');
    expect(errorOf('SELECT Id, FROM Account').message).toContain('unexpected token: FROM');
    expect(errorOf('SELEC Id FROM Account').errorCode).toBe('MALFORMED_QUERY');
    expect(errorOf(`SELECT Id FROM Account WHERE Name = "x"`).message).toContain('ERROR at Row:1:Column:37');
  });
});

describe('record visibility', () => {
  it('leaves out records the user cannot see', () => {
    expect(names('SELECT Name FROM Account', restrictedAccess)).not.toContain('Private Holdings');
    expect(names(`SELECT Name FROM Opportunity WHERE Account.Name = 'Private Holdings'`, restrictedAccess)).toEqual([]);
  });

  it('gives null for a parent the user cannot see', () => {
    const { records } = query(`SELECT Name, Account.Name FROM Contact WHERE LastName = 'Hidden'`, restrictedAccess);
    expect(records[0]).toMatchObject({ Name: 'Eve Hidden', Account: null });
    const task = query(`SELECT What.Name FROM Task WHERE Subject = 'Hidden call'`, restrictedAccess).records[0];
    expect(task?.What).toBeNull();
  });

  it('leaves invisible records out of child subqueries and semi-joins', () => {
    const { records } = query(
      `SELECT (SELECT Name FROM ChildAccounts) FROM Account WHERE Name = 'Acme Corp'`,
      restrictedAccess,
    );
    expect(records[0]).toHaveProperty('ChildAccounts.totalSize', 2);
    expect(
      names(`SELECT Name FROM Opportunity WHERE AccountId IN (SELECT Id FROM Account WHERE Industry = 'Retail')`, restrictedAccess),
    ).toEqual([]);
    expect(
      names(`SELECT Name FROM Opportunity WHERE AccountId IN (SELECT Id FROM Account WHERE Industry = 'Retail')`),
    ).toEqual(['Private Deal']);
  });
});

describe('shapeRecord', () => {
  it('shapes a record with the requested fields in canonical case', () => {
    expect(shapeRecord(db, adminAccess, '62.0', 'account', accounts.globex, ['name', 'ParentId'])).toEqual({
      attributes: { type: 'Account', url: url('Account', accounts.globex.Id) },
      Name: 'Globex',
      ParentId: accounts.acme.Id,
    });
  });

  it('shapes all readable fields when none are named', () => {
    const shaped = shapeRecord(db, restrictedAccess, '62.0', 'Account', accounts.acme);
    expect(shaped).toHaveProperty('Regions__c', 'EMEA;APAC');
    expect(shaped).not.toHaveProperty('Secret__c');
  });

  it('refuses a field the user may not read', () => {
    expect(() => shapeRecord(db, restrictedAccess, '62.0', 'Account', accounts.acme, ['Secret__c'])).toThrow(
      "No such column 'Secret__c' on sobject of type Account",
    );
  });
});

describe('polymorphic Who', () => {
  it('reads a Contact through the Name entity', () => {
    expect(query(`SELECT Who.Name FROM Task WHERE Id = '${tasks.call.Id}'`).records[0]?.Who).toEqual({
      attributes: { type: 'Name', url: url('Contact', contacts.alice.Id) },
      Name: 'Alice Smith',
    });
  });
});
