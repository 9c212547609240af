import { describe, expect, it } from 'vitest';
import { buildContext, findUnsupportedClaims, locateUnsupportedClaims } from '../../../lib/context';
import { globexGraph, NOW } from './graph-fixture';

const CONTEXT = [
  'Today is 2026-05-15.',
  '# Opportunity (the record in view)',
  'r1a2 Name: Globex - Expansion',
  'r2b3 Amount: $1,200,000',
  'r3c4 Close Date: 2026-12-15',
  'r4d5 Probability (%): 45',
  'r5e6 Discount: 12.5%',
  'r6f7 Owner: Alex Rivera',
  'r7g8 Annual Revenue: $850,000,000',
  'r8h9 Employees: 4,200',
  '# Contacts',
  'c2fl Lena Park | VP Operations | Lena.Park@Globex.example | (415) 555-0181',
  'c3gm Omar Haddad | Plant Manager | mobile +1 415-555-0199',
  '# Activities',
  'e1aa Quarterly business review | 2026-05-20 17:00 UTC | at Globex HQ | with Lena Park',
  't1bb Call | Completed | on 2026-03-02 | Discussed Plant 3 timeline; budget approved in Q2. Legal review takes about three weeks.',
  'i1cc INV-2026-0042 | Total: €12,400',
].join('\n');

const claims = (output: string, context = CONTEXT) => findUnsupportedClaims(output, context);
const texts = (output: string, context = CONTEXT) => claims(output, context).map((claim) => claim.text);

describe('money', () => {
  it.each(['$1,200,000', '$1.2M', '$1.2 million', '1200000', 'USD 1,200,000', '1.2M USD', '$1,200,000.00'])(
    'accepts %s for $1,200,000',
    (amount) => expect(claims(`The deal is worth ${amount} [r2b3].`)).toEqual([]),
  );

  it('accepts a rounded figure within its precision', () => {
    expect(claims('Revenue is $850M, about $0.85B [r7g8].')).toEqual([]);
  });

  it('flags an amount the context does not have, as written', () => {
    expect(claims('The deal is worth $2.4M and the renewal $1,250,000.')).toEqual([
      { text: '$2.4M', kind: 'money' },
      { text: '$1,250,000', kind: 'money' },
    ]);
  });

  it('flags a rounded figure too far from the context value', () => {
    expect(texts('The deal is worth $1M.')).toEqual(['$1M']);
  });

  it('flags the right amount in the wrong currency', () => {
    expect(texts('The invoice total was $12,400.')).toEqual(['$12,400']);
    expect(claims('The invoice total was €12,400 [i1cc].')).toEqual([]);
  });

  it('flags a computed total that is in no line', () => {
    expect(texts('Together: $2,050,000.')).toEqual(['$2,050,000']);
  });
});

describe('percentages', () => {
  it.each(['45%', '45 percent', '45 per cent', '45.0%'])('accepts %s for a probability of 45', (value) => {
    expect(claims(`Probability is ${value} [r4d5].`)).toEqual([]);
  });

  it('accepts a percentage written with decimals in the context', () => {
    expect(claims('A 12.5% discount [r5e6].')).toEqual([]);
  });

  it('flags a percentage not in the context, even when the number appears as something else', () => {
    expect(claims('Win rate is 37% and 4,200%.')).toEqual([
      { text: '37%', kind: 'percent' },
      { text: '4,200%', kind: 'percent' },
    ]);
  });
});

describe('dates', () => {
  it.each(['2026-12-15', 'Dec 15, 2026', 'December 15, 2026', '12/15/2026', '15 December 2026', 'Dec. 15th 2026', 'December 15', '15/12/2026'])(
    'accepts %s for 2026-12-15',
    (date) => expect(claims(`It closes ${date} [r3c4].`)).toEqual([]),
  );

  it('accepts a month and year, and a quarter, when a context date falls in them', () => {
    expect(claims('Closing in December 2026, so Q4 2026 [r3c4].')).toEqual([]);
  });

  it('flags a date that is not in the context, in any format', () => {
    expect(claims('It closes on 2027-01-15, or Jan 30, 2027, or 12/16/2026.')).toEqual([
      { text: '2027-01-15', kind: 'date' },
      { text: 'Jan 30, 2027', kind: 'date' },
      { text: '12/16/2026', kind: 'date' },
    ]);
  });

  it('flags a right day in the wrong year', () => {
    expect(texts('It closes Dec 15, 2025.')).toEqual(['Dec 15, 2025']);
  });

  it('reads a time of day in 12- and 24-hour forms', () => {
    expect(claims('The QBR is on May 20 at 5:00 PM, 17:00 UTC [e1aa].')).toEqual([]);
    expect(claims('The QBR starts at 9:30 am.')).toEqual([{ text: '9:30 am', kind: 'time' }]);
  });

  it('accepts a year that a context date has', () => {
    expect(claims('Open since 2026 [r3c4].')).toEqual([]);
    expect(texts('A customer since 2019.')).toEqual(['2019']);
  });
});

describe('numbers', () => {
  it('accepts numbers in other formats and number words from the context', () => {
    expect(claims('They have 4200 employees, about 4.2K [r8h9]. Legal takes 3 weeks [t1bb]. Plant 3 [t1bb].')).toEqual([]);
  });

  it('flags numbers the context does not have', () => {
    expect(claims('They have 5,000 employees and 17 plants.')).toEqual([
      { text: '5,000', kind: 'number' },
      { text: '17', kind: 'number' },
    ]);
  });

  it('flags an identifier that is not in the context and accepts one that is', () => {
    expect(claims('Invoice INV-2026-0042 was paid [i1cc].')).toEqual([]);
    expect(claims('Invoice INV-2026-0099 was paid.')).toEqual([{ text: 'INV-2026-0099', kind: 'number' }]);
  });

  it('does not read list numbering as a claim', () => {
    expect(claims('1. Send the MSA [r1a2]\n2. Call Lena Park [c2fl]')).toEqual([]);
  });
});

describe('emails and phones', () => {
  it('matches emails ignoring case, and flags others', () => {
    expect(claims('Write to lena.park@globex.example [c2fl].')).toEqual([]);
    expect(claims('Write to lena@globex.example.')).toEqual([{ text: 'lena@globex.example', kind: 'email' }]);
  });

  it.each(['415-555-0181', '(415) 555-0181', '+1 (415) 555-0181', '415.555.0181', '+1 415 555 0181'])(
    'matches the phone %s by its digits',
    (phone) => expect(claims(`Call ${phone} [c2fl].`)).toEqual([]),
  );

  it('accepts a phone written without the country code the context has', () => {
    expect(claims('Mobile: (415) 555-0199 [c3gm].')).toEqual([]);
  });

  it('flags a phone number not in the context', () => {
    expect(claims('Call (415) 555-0100 or +44 20 7946 0958.')).toEqual([
      { text: '(415) 555-0100', kind: 'phone' },
      { text: '+44 20 7946 0958', kind: 'phone' },
    ]);
  });
});

describe('names', () => {
  it('accepts people and companies in the context, in possessive form and with initials', () => {
    expect(claims("Lena Park's team met Omar Haddad and L. Park at Globex HQ; Alex Rivera owns it [r6f7].")).toEqual([]);
  });

  it('flags a multi-word name not in the context', () => {
    expect(claims('Sarah Chen from procurement joined the call.')).toEqual([{ text: 'Sarah Chen', kind: 'name' }]);
  });

  it('flags a mix of two real people’s names', () => {
    expect(texts('Lena Haddad approved it.')).toEqual(['Lena Haddad']);
  });

  it('trims sentence-start verbs and ordinary words around a name', () => {
    expect(claims('Confirm Lena Park is attending. Ask Omar Haddad about budget. Meet Sarah Chen Thursday.')).toEqual([
      { text: 'Sarah Chen', kind: 'name' },
    ]);
  });

  it('does not flag title-case headings, labels, weekdays, months or ordinary sentence starts', () => {
    const output = [
      '## Needs Attention',
      '**Key Contacts:** none new.',
      '### Recommended Next Actions',
      'Next Steps Review is due. On Monday Morning, the team meets.',
      'Quarterly Business Review on Wednesday [e1aa].',
      'Overall, Strategic Alignment is good. However Budget Approved [t1bb].',
    ].join('\n');
    expect(claims(output)).toEqual([]);
  });

  it('flags a first name after a greeting or as a sign-off only when the context does not have it', () => {
    expect(claims('Hi Lena,\n\nThanks.\n\nBest,\nAlex')).toEqual([]);
    expect(claims('Dear John,\n\nThanks.\n\nBest regards,\nMaria')).toEqual([
      { text: 'John', kind: 'name' },
      { text: 'Maria', kind: 'name' },
    ]);
    expect(claims('Hi team, hello All.')).toEqual([]);
  });

  it('reads an honorific with a surname as a name', () => {
    expect(claims('Ms. Park agreed [c2fl].')).toEqual([]);
    expect(claims('Dr. Evans agreed.')).toEqual([{ text: 'Dr. Evans', kind: 'name' }]);
  });
});

describe('what is not a claim', () => {
  it('ignores citation markers in every form, including ids with digits', () => {
    expect(claims('Noted [r1a2]. Also [r2b3][r3c4] and [r4d5, r5e6] and line r8h9.')).toEqual([]);
  });

  it('ignores redaction placeholders and links', () => {
    expect(claims('SSN [SSN-1], card [CARD-2], [REDACTED: Tax ID], see https://acme.my.salesforce.com/006000000000001 .')).toEqual([]);
  });

  it('passes the offline demo model output built from the context', () => {
    const output =
      'Demo model (offline): this answer was assembled from the context lines below, not written by Claude.\n' +
      '- Name: Globex - Expansion [r1a2]\n- Amount: $1,200,000 [r2b3]\n- Close Date: 2026-12-15 [r3c4]\n- Probability (%): 45 [r4d5]';
    expect(claims(output)).toEqual([]);
  });

  it('gives offsets that point at the span in the output', () => {
    const output = 'Worth $2.4M, says Sarah Chen.';
    for (const claim of locateUnsupportedClaims(output, CONTEXT)) expect(output.slice(claim.start, claim.end)).toBe(claim.text);
  });
});

describe('against a built context', () => {
  const context = buildContext(globexGraph(), { maxTokens: 10_000, now: NOW }).text;

  it('passes a faithful summary written in other formats', () => {
    const output = [
      '## Needs attention',
      '- Send security questionnaire to Lena Park is overdue by 12 days (due May 3) [teil].',
      '- Globex - Plant 3 Sensors ($48.5K) was due to close Apr 30, 2026 [or7o].',
      '- Case 00001026, Duplicate invoice payment, is high priority [cy3w].',
      '## Open opportunities',
      '- Globex - Expansion: Negotiation/Review, $120K, closes Dec 15, 2026 [osvz].',
      '## Key contacts',
      '- Omar Haddad, Plant Manager, +1 415 555 0199, Omar.Haddad@globex.example [c2fl]',
      'Annual revenue $850 million, 4,200 employees [raxt][r6jd]. QBR on May 20 at 5 PM [ejuc]. A 10% discount was asked [n0ir].',
    ].join('\n');
    expect(claims(output, context)).toEqual([]);
  });

  it('catches every planted fact', () => {
    const output =
      'Globex has 5,200 employees and $900M in revenue. Jordan Blake (jordan.blake@globex.example, 415-555-0111) ' +
      'wants a 15% discount before Jan 31, 2027.';
    expect(claims(output, context)).toEqual([
      { text: '5,200', kind: 'number' },
      { text: '$900M', kind: 'money' },
      { text: 'Jordan Blake', kind: 'name' },
      { text: 'jordan.blake@globex.example', kind: 'email' },
      { text: '415-555-0111', kind: 'phone' },
      { text: '15%', kind: 'percent' },
      { text: 'Jan 31, 2027', kind: 'date' },
    ]);
  });
});
