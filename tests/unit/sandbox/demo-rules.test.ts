/**
 * The demo model's rules: what it reads out of a note, a selection or a question, and the property every proposal
 * keeps (each value's quote is verbatim in the text; nothing is proposed that the text does not state).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findAmounts } from '../../sandbox/anthropic/demo/rules/amounts';
import { findDates } from '../../sandbox/anthropic/demo/rules/dates';
import { writeFields } from '../../sandbox/anthropic/demo/rules/fields';
import { findPeople } from '../../sandbox/anthropic/demo/rules/people';
import { findPicklistValue } from '../../sandbox/anthropic/demo/rules/picklists';

/** A Thursday. */
const TODAY = '2026-12-03';
const dates = (text: string, today = TODAY) => findDates(text, today).map((found) => [found.quote, found.value]);

describe('dates', () => {
  it('reads ISO, US numeric and month-name dates, a missing year being the nearest one', () => {
    expect(dates('by 2026-12-24, 12/15, 1/5/2027, Dec 4th, December 18, 2026 and 9 January')).toEqual([
      ['2026-12-24', '2026-12-24'],
      ['12/15', '2026-12-15'],
      ['1/5/2027', '2027-01-05'],
      ['Dec 4th', '2026-12-04'],
      ['December 18, 2026', '2026-12-18'],
      ['9 January', '2027-01-09'],
    ]);
    expect(dates('on 11/19 we met')).toEqual([['11/19', '2026-11-19']]);
  });

  it('refuses days that do not exist', () => {
    expect(dates('2026-02-30 and 13/40 and Feb 30')).toEqual([]);
  });

  it('resolves relative days against the day the request gives', () => {
    expect(dates('today, tomorrow, yesterday, the day after tomorrow')).toEqual([
      ['today', '2026-12-03'],
      ['tomorrow', '2026-12-04'],
      ['yesterday', '2026-12-02'],
      ['the day after tomorrow', '2026-12-05'],
    ]);
    expect(dates('Friday, this Friday, next Friday, last Friday, next Thursday, Thursday')).toEqual([
      ['Friday', '2026-12-04'],
      ['this Friday', '2026-12-04'],
      ['next Friday', '2026-12-11'],
      ['last Friday', '2026-11-27'],
      ['next Thursday', '2026-12-10'],
      ['Thursday', '2026-12-10'],
    ]);
    expect(dates('next week, in 3 days, in two weeks, 2 weeks from now, in one month')).toEqual([
      ['next week', '2026-12-07'],
      ['in 3 days', '2026-12-06'],
      ['in two weeks', '2026-12-17'],
      ['2 weeks from now', '2026-12-17'],
      ['in one month', '2027-01-03'],
    ]);
    expect(dates('by the end of the month, end of the quarter, end of this week', '2026-11-10')).toEqual([
      ['by the end of the month', '2026-11-30'],
      ['end of the quarter', '2026-12-31'],
      ['end of this week', '2026-11-13'],
    ]);
  });

  it('does not read weekday words inside other words, or "sat" and "may" as days', () => {
    expect(dates('We sat down; they may sign. Mondays are busy.')).toEqual([]);
  });

  it('puts "next <weekday>" in the next calendar week, whatever today is (property)', () => {
    const weekdays = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 3650 }), fc.integer({ min: 0, max: 6 }), (offset, weekday) => {
        const today = new Date(Date.UTC(2024, 0, 1) + offset * 86_400_000);
        const [found] = findDates(`next ${weekdays[weekday]}`, today.toISOString().slice(0, 10));
        const day = new Date(`${found?.value}T00:00:00Z`);
        const mondayOfNextWeek = Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate() + (((8 - today.getUTCDay()) % 7) || 7));
        expect(day.getUTCDay()).toBe(weekday);
        expect(day.getTime()).toBeGreaterThanOrEqual(mondayOfNextWeek);
        expect(day.getTime()).toBeLessThan(mondayOfNextWeek + 7 * 86_400_000);
      }),
    );
  });
});

describe('money', () => {
  it('reads amounts with a currency sign or word, or a k/M/million suffix', () => {
    const found = findAmounts('$520,000; $520k; 50k; $1.2M; 1.2 million; USD 75,000; 75,000 dollars; €40k; $99.50');
    expect(found.map((item) => [item.quote, item.value])).toEqual([
      ['$520,000', 520000],
      ['$520k', 520000],
      ['50k', 50000],
      ['$1.2M', 1200000],
      ['1.2 million', 1200000],
      ['USD 75,000', 75000],
      ['75,000 dollars', 75000],
      ['€40k', 40000],
      ['$99.50', 99.5],
    ]);
  });

  it('leaves bare numbers alone: years, counts, phone numbers', () => {
    expect(findAmounts('In 2026 we ship 1,150 sensors; call (415) 555-0123.')).toEqual([]);
  });

  it('reads any written amount back as its value (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 999_999_999 }), (amount) => {
        expect(findAmounts(`budget is $${amount.toLocaleString('en-US')} now`).map((item) => item.value)).toEqual([amount]);
        expect(findAmounts(`about ${amount}k`).map((item) => item.value)).toEqual([amount * 1000]);
      }),
    );
  });
});

describe('picklist values', () => {
  const [stage, source] = writeFields(
    '- StageName (Stage; picklist: Prospecting, Qualification, Proposal/Price Quote, Negotiation/Review, Closed Won, Closed Lost; restricted)\n' +
      '- LeadSource (Lead Source; picklist: Web, Phone Inquiry, Partner Referral, Other)',
  );
  if (!stage || !source) throw new Error('the fields did not parse');
  const value = (text: string, field = stage) => findPicklistValue(text, field)?.value ?? null;

  it('reads the listed fields with their labels and values', () => {
    expect(stage).toMatchObject({ name: 'StageName', label: 'Stage', type: 'picklist', values: expect.arrayContaining(['Negotiation/Review', 'Closed Won']) });
  });

  it('finds a value written in full or by one part of a slash name, in any letter case', () => {
    expect(value('Deal is moving to Negotiation/Review.')).toBe('Negotiation/Review');
    expect(value('we are in negotiation now')).toBe('Negotiation/Review');
    expect(value('They signed: closed won!')).toBe('Closed Won');
  });

  it('takes a one-word value only where the sentence names the field or a move', () => {
    expect(value('Moving to Qualification next week.')).toBe('Qualification');
    expect(value('Stage should be Prospecting again.')).toBe('Prospecting');
    expect(value('Qualification calls went well.')).toBeNull();
    expect(value('The lead came in from the Web form.', source)).toBeNull();
    expect(value('Lead source: Web.', source)).toBe('Web');
  });

  it('prefers the value after a move when several are written', () => {
    expect(value('From Proposal/Price Quote we moved to Negotiation/Review.')).toBe('Negotiation/Review');
  });
});

describe('people', () => {
  const people = (text: string, withContactOnly = false) =>
    findPeople(text, { withContactOnly }).map((person) => ({
      name: person.name.value,
      title: person.title?.value,
      company: person.company?.value,
      email: person.email?.value,
      phone: person.phone?.value,
    }));

  it('reads names with a title in the orders people write them', () => {
    expect(people('Met Jane Doe, CFO, jane.doe@globex.example, (415) 555-0123.')).toEqual([
      { name: 'Jane Doe', title: 'CFO', company: undefined, email: 'jane.doe@globex.example', phone: '(415) 555-0123' },
    ]);
    expect(people('Our champion is CFO Jane Doe.').map((person) => [person.name, person.title])).toEqual([['Jane Doe', 'CFO']]);
    expect(people('Priya Nair is their new Head of IT.').map((person) => [person.name, person.title])).toEqual([['Priya Nair', 'Head of IT']]);
    expect(people('Tom Baker (VP of Sales, Acme Widgets) joined.').map((person) => [person.name, person.title, person.company])).toEqual([
      ['Tom Baker', 'VP of Sales', 'Acme Widgets'],
    ]);
  });

  it('reads a signature and an attendee list, accents included, and never takes a company from an email domain', () => {
    const text =
      'Tomás Ortega\nDirector of Operations, Initech\ntomas.ortega@initech.example | +1 (512) 555-0188\n\n' +
      'Attendees: Priya Nair, Head of IT at Umbrella Health, 415-555-0199; Zoë O’Brien <zoe@hooli.example>';
    expect(people(text, true)).toEqual([
      { name: 'Tomás Ortega', title: 'Director of Operations', company: 'Initech', email: 'tomas.ortega@initech.example', phone: '+1 (512) 555-0188' },
      { name: 'Priya Nair', title: 'Head of IT', company: 'Umbrella Health', email: undefined, phone: '415-555-0199' },
      { name: 'Zoë O’Brien', title: undefined, company: undefined, email: 'zoe@hooli.example', phone: undefined },
    ]);
  });

  it('does not take companies, stages or sentence starts for people', () => {
    expect(people('Globex Industries moved to Closed Won. Call With Legal tomorrow.', true)).toEqual([]);
  });

  it('finds generated signatures back exactly (property)', () => {
    const word = fc.constantFrom('Ana', 'Bruno', 'Chen', 'Dana', 'Élodie', 'Farid', 'Grace', 'Hiro', 'Ines', 'Jonas', 'Keller', 'Lopez', 'Moreau', 'Nakamura', 'Okafor', 'Park');
    const title = fc.constantFrom('CFO', 'VP of Sales', 'Head of Procurement', 'Director of IT', 'Plant Manager', 'Senior Buyer');
    const company = fc.constantFrom('Initech', 'Acme Widgets', 'Umbrella Health', 'Wayne Financial');
    fc.assert(
      fc.property(word, word, title, company, fc.integer({ min: 200, max: 999 }), (first, last, role, employer, exchange) => {
        fc.pre(first !== last);
        const email = `${first}.${last}@example.org`.toLowerCase();
        const phone = `(415) ${exchange}-0142`;
        const [person, ...others] = findPeople(`${first} ${last}\n${role}, ${employer}\n${email} | ${phone}`, { withContactOnly: true });
        expect(others).toEqual([]);
        expect(person?.name.value).toBe(`${first} ${last}`);
        expect(person?.title?.value).toBe(role);
        expect(person?.company?.value).toBe(employer);
        expect(person?.email?.value).toBe(email);
        expect(person?.phone?.value).toBe(phone);
      }),
    );
  });
});
