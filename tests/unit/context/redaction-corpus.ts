/**
 * The redaction corpus: sentences as reps and customers write them, each with one sensitive value that must not reach
 * the model, and near misses (numbers that look like one but are not) that must reach it unchanged. Unicode is
 * written as escapes so the formats stay visible: \u00a0 no-break space, \u2009 thin space, \u202f narrow no-break
 * space, \u3000 ideographic space, \u200b zero-width space, \u00ad soft hyphen, \u2013 en dash, \u2014 em dash,
 * \u2212 minus sign, \uff10-\uff19 full-width digits, \u0660-\u0669 Arabic-Indic digits.
 */

export type SensitiveKind = 'ssn' | 'card' | 'iban';

export interface Positive {
  text: string;
  /** The value exactly as written in `text`. */
  value: string;
  kind: SensitiveKind;
}

/** Full-width digits and letters, as East Asian keyboards type them. */
export function fullWidth(text: string): string {
  return text.replace(/[0-9A-Za-z]/g, (char) => String.fromCharCode(char.charCodeAt(0) + 0xfee0));
}

/**
 * The letters and digits of a text as a reader sees them: compatibility forms folded, digits of other scripts as
 * ASCII, everything else (spaces, dashes, invisible characters) left out. Written apart from lib/context, so the tests
 * do not trust the code they test.
 */
export function compact(text: string): string {
  return [...text.normalize('NFKC')]
    .map((char) => {
      const code = char.codePointAt(0) ?? 0;
      const zero = [0x0660, 0x06f0, 0x0966].find((start) => code >= start && code <= start + 9);
      return zero === undefined ? char : String(code - zero);
    })
    .join('')
    .replace(/[^0-9A-Za-z]/g, '')
    .toUpperCase();
}

function positives(kind: SensitiveKind, samples: [text: string, value: string][]): Positive[] {
  return samples.map(([text, value]) => ({ text, value, kind }));
}

const SSNS = positives('ssn', [
  ['Gave her SSN 123-45-6789 to verify identity.', '123-45-6789'],
  ['ssn on file: 536 22 1847 (confirmed)', '536 22 1847'],
  ['Social security number 219446630, please update.', '219446630'],
  ['His SSN#421739055 was read out on the call', '421739055'],
  ['Employee id?\n318-50-2274\nthat is what she said', '318-50-2274'],
  ['SSN 772\u201341\u20130932 (with en dashes)', '772\u201341\u20130932'],
  // Dots, slashes, underscores, spaced dashes
  ['Her number is 536.22.1847 per the form.', '536.22.1847'],
  ['Written on the fax as 219/44/6630.', '219/44/6630'],
  ['Copied from the HR export: 421_73_9055', '421_73_9055'],
  ['She spelled it 318 - 50 - 2274 slowly.', '318 - 50 - 2274'],
  ['Typed with spaced dots 457 . 55 . 5462 by mistake', '457 . 55 . 5462'],
  ['Mixed: 601-28.7733 on the intake sheet', '601-28.7733'],
  ['Double spaced 234  56  7890 in the PDF', '234  56  7890'],
  ['Em dashes 078\u201405\u20141120 from a Word doc', '078\u201405\u20141120'],
  ['Minus signs 123\u221245\u22126789 from a spreadsheet', '123\u221245\u22126789'],
  ['No-break spaces 536\u00a022\u00a01847 from Outlook', '536\u00a022\u00a01847'],
  ['Thin spaces 219\u200944\u20096630 from a typeset letter', '219\u200944\u20096630'],
  ['Narrow no-break 421\u202f73\u202f9055 from a French form', '421\u202f73\u202f9055'],
  ['Non-breaking hyphens 318\u201150\u20112274 from Word', '318\u201150\u20112274'],
  ['Zero-width space inside 772-41\u200b-0932 pasted from chat', '772-41\u200b-0932'],
  ['Soft hyphen inside 601\u00ad-28-7733 from a web form', '601\u00ad-28-7733'],
  // Named, in any grouping
  ['SSN is 123 456 789 as she read it', '123 456 789'],
  ['ssn=123456789&dob=1980-01-01', '123456789'],
  ['SSN: 536221847', '536221847'],
  ['SSN - 219 446 630', '219 446 630'],
  ['her ssn was 4217 39055', '4217 39055'],
  ['Tax ID 318502274 for the W-9', '318502274'],
  ['tax id: 772-410-932 on the invoice', '772-410-932'],
  ['Taxpayer ID number 601 287 733 confirmed', '601 287 733'],
  ['Tax identification number 457-555-462', '457-555-462'],
  ['ITIN 912 70 1234 for the contractor', '912 70 1234'],
  ['TIN 234567890 (individual)', '234567890'],
  ['Soc. Sec. No. 078051120 on the old card', '078051120'],
  ['social-security # 536 22 1847', '536 22 1847'],
  ['SS# 219-44-6630 per payroll', '219-44-6630'],
  ['Social Security: 421.739.055', '421.739.055'],
  ['ssn number is 318_502_274', '318_502_274'],
  ['SSN\u00a0=\u00a0772410932', '772410932'],
  ['(SSN 601287733)', '601287733'],
  ['SSN:457555462.', '457555462'],
  // Other scripts and widths
  [`SSN ${fullWidth('123-45-6789')} typed on a Japanese keyboard`, fullWidth('123-45-6789')],
  [`Full-width ${fullWidth('536')}\uff0d${fullWidth('22')}\uff0d${fullWidth('1847')} with full-width hyphens`, `${fullWidth('536')}\uff0d${fullWidth('22')}\uff0d${fullWidth('1847')}`],
  [`ssn ${fullWidth('219446630')}`, fullWidth('219446630')],
  ['SSN \u0664\u0662\u0661-\u0667\u0663-\u0669\u0660\u0665\u0665 in Arabic-Indic digits', '\u0664\u0662\u0661-\u0667\u0663-\u0669\u0660\u0665\u0665'],
  ['Devanagari \u0969\u0967\u096e-\u096b\u0966-\u0968\u0968\u0967\u096a from a form', '\u0969\u0967\u096e-\u096b\u0966-\u0968\u0968\u0967\u096a'],
  ['Ideographic spaces 772\u300041\u30000932', '772\u300041\u30000932'],
  ['tabs\t601\t28\t7733\tfrom a TSV', '601\t28\t7733'],
  ['In a table | 457-55-5462 | verified |', '457-55-5462'],
  ['"ssn":"234567890"', '234567890'],
  ['Spouse: 078-05-1120, self: none', '078-05-1120'],
]);

const CARDS = positives('card', [
  ['Visa 4111 1111 1111 1111 exp 12/27', '4111 1111 1111 1111'],
  ['card:4111-1111-1111-1111.', '4111-1111-1111-1111'],
  ['Mastercard 5555555555554444 was declined', '5555555555554444'],
  ['Amex 3782 822463 10005, billing zip 94105', '3782 822463 10005'],
  ['Diners (3056 9309 0259 04) on the PO', '3056 9309 0259 04'],
  ['Discover 6011-0009-9013-9424 charged twice', '6011-0009-9013-9424'],
  ['Old 13-digit Visa 4222222222222 still on file', '4222222222222'],
  ['Qty 2 4012 8888 8888 1881 charged', '4012 8888 8888 1881'],
  // Dots, underscores, slashes, spaced dashes, double spaces
  ['Card 4111.1111.1111.1111 from the German form', '4111.1111.1111.1111'],
  ['Pasted 5105_1051_0510_5100 from a filename', '5105_1051_0510_5100'],
  ['Written 4012/8888/8888/1881 on the fax', '4012/8888/8888/1881'],
  ['Read out as 4242 - 4242 - 4242 - 4242 on the call', '4242 - 4242 - 4242 - 4242'],
  ['Double spaced 5200  8282  8282  8210 in the PDF', '5200  8282  8282  8210'],
  ['Mixed 2223-0031.2200 3222 on the sticky note', '2223-0031.2200 3222'],
  ['Amex with dots 3782.822463.10005', '3782.822463.10005'],
  ['Amex with slashes 3714/496353/98431', '3714/496353/98431'],
  // Unicode spaces and dashes
  ['Thin spaces 4000\u20090566\u20095566\u20095556 from a PDF', '4000\u20090566\u20095566\u20095556'],
  ['Narrow no-break 5425\u202f2334\u202f3010\u202f9903 from a French invoice', '5425\u202f2334\u202f3010\u202f9903'],
  ['No-break spaces 6011\u00a01111\u00a01111\u00a01117', '6011\u00a01111\u00a01111\u00a01117'],
  ['En dashes 3530\u20131113\u20133330\u20130000', '3530\u20131113\u20133330\u20130000'],
  ['Em dashes 3566\u20140020\u20142036\u20140505', '3566\u20140020\u20142036\u20140505'],
  ['Minus signs 6200\u22120000\u22120000\u22120005', '6200\u22120000\u22120000\u22120005'],
  ['Ideographic 4917\u30006100\u30000000\u30000000', '4917\u30006100\u30000000\u30000000'],
  ['Zero-width spaces 4988\u200b4388\u200b4388\u200b4305', '4988\u200b4388\u200b4388\u200b4305'],
  ['Soft hyphens 4000002760\u00ad003184', '4000002760\u00ad003184'],
  ['Tabs\t2222\t4200\t0000\t1113', '2222\t4200\t0000\t1113'],
  // Full-width and other scripts
  [`Full-width ${fullWidth('4111111111111111')} from a Japanese email`, fullWidth('4111111111111111')],
  [`Full-width grouped ${fullWidth('5555')} ${fullWidth('5555')} ${fullWidth('5555')} ${fullWidth('4444')}`, `${fullWidth('5555')} ${fullWidth('5555')} ${fullWidth('5555')} ${fullWidth('4444')}`],
  [`Full-width hyphens ${fullWidth('3782')}\uff0d${fullWidth('822463')}\uff0d${fullWidth('10005')}`, `${fullWidth('3782')}\uff0d${fullWidth('822463')}\uff0d${fullWidth('10005')}`],
  ['Arabic-Indic \u0664\u0661\u0661\u0661 \u0661\u0661\u0661\u0661 \u0661\u0661\u0661\u0661 \u0661\u0661\u0661\u0661', '\u0664\u0661\u0661\u0661 \u0661\u0661\u0661\u0661 \u0661\u0661\u0661\u0661 \u0661\u0661\u0661\u0661'],
  // Odd groupings
  ['Odd grouping 41 1111 1111 1111 11 from a form', '41 1111 1111 1111 11'],
  ['Read in threes 411 111 111 111 1111', '411 111 111 111 1111'],
  ['Pairs 42 42 42 42 42 42 42 42', '42 42 42 42 42 42 42 42'],
  ['Amex in fives 37144 96353 98431', '37144 96353 98431'],
  ['Split 5105 10 5105 1051 00 oddly', '5105 10 5105 1051 00'],
  ['Card number: 401 288 888 888 1881', '401 288 888 888 1881'],
  ['cc 60 1100 0990 1394 24 per the customer', '60 1100 0990 1394 24'],
  ['Diners 3622 720627 1667', '3622 720627 1667'],
  ['Diners 38 5200 0002 3237 read out', '38 5200 0002 3237'],
  ['JCB 3530 11 1333 30 0000', '3530 11 1333 30 0000'],
  ['UnionPay 6250 9410 0652 8599', '6250 9410 0652 8599'],
  ['Maestro 6759 6498 2643 8453', '6759 6498 2643 8453'],
  ['Mir 2200 0000 0000 0004', '2200 0000 0000 0004'],
  ['UATP 1354 123456 78911', '1354 123456 78911'],
  ['Visa 4035-5010-0000-0008 (19 digits would be 4-4-4-4-3)', '4035-5010-0000-0008'],
  // Glued, quoted, in markup
  ['card#4111111111111111', '4111111111111111'],
  ['ccn=5555555555554444&exp=1227', '5555555555554444'],
  ['"pan":"378282246310005"', '378282246310005'],
  ['<td>4242424242424242</td>', '4242424242424242'],
  ['Visa ending… no, the whole thing: 4012888888881881!', '4012888888881881'],
  ['Amex(374245455400126)', '374245455400126'],
  ['refund card 6011000990139424.', '6011000990139424'],
  ['Card on file\n4111 1111 1111 1111\nexp 09/28', '4111 1111 1111 1111'],
]);

const IBANS = positives('iban', [
  ['Refund to GB82 WEST 1234 5698 7654 32 today', 'GB82 WEST 1234 5698 7654 32'],
  ['IBAN: DE89370400440532013000', 'DE89370400440532013000'],
  ['Wire to FR14 2004 1010 0505 0001 3M02 606 ASAP', 'FR14 2004 1010 0505 0001 3M02 606'],
  ['nl91abna0417164300 (lower case, pasted from email)', 'nl91abna0417164300'],
  // Dashes, dots, underscores, slashes, double and no-break spaces
  ['IBAN DE89-3704-0044-0532-0130-00 for the refund', 'DE89-3704-0044-0532-0130-00'],
  ['IBAN DE89.3704.0044.0532.0130.00', 'DE89.3704.0044.0532.0130.00'],
  ['Account BE68_5390_0754_7034', 'BE68_5390_0754_7034'],
  ['Pay ES91/2100/0418/4502/0005/1332', 'ES91/2100/0418/4502/0005/1332'],
  ['Double spaced GB82  WEST  1234  5698  7654  32', 'GB82  WEST  1234  5698  7654  32'],
  ['No-break IT60\u00a0X054\u00a02811\u00a01010\u00a00000\u00a00123\u00a0456', 'IT60\u00a0X054\u00a02811\u00a01010\u00a00000\u00a00123\u00a0456'],
  ['Narrow no-break CH93\u202f0076\u202f2011\u202f6238\u202f5295\u202f7', 'CH93\u202f0076\u202f2011\u202f6238\u202f5295\u202f7'],
  ['Thin spaces AT61\u20091904\u20093002\u20093457\u20093201', 'AT61\u20091904\u20093002\u20093457\u20093201'],
  ['Spaced dashes PL61 - 1090 - 1014 - 0000 - 0712 - 1981 - 2874', 'PL61 - 1090 - 1014 - 0000 - 0712 - 1981 - 2874'],
  ['En dashes SE45\u20135000\u20130000\u20130583\u20139825\u20137466', 'SE45\u20135000\u20130000\u20130583\u20139825\u20137466'],
  ['Zero-width DK50\u200b0040\u200b0440\u200b1162\u200b43', 'DK50\u200b0040\u200b0440\u200b1162\u200b43'],
  ['Tabs\tFI21\t1234\t5600\t0007\t85', 'FI21\t1234\t5600\t0007\t85'],
  // Glued to a letter or a label
  ['IBANDE89370400440532013000 from the bank app', 'DE89370400440532013000'],
  ['IBAN:GB82WEST12345698765432', 'GB82WEST12345698765432'],
  ['iban=NO9386011117947&bic=DNBANOKK', 'NO9386011117947'],
  ['AccountIE29AIBK93115212345678', 'IE29AIBK93115212345678'],
  ['"iban":"PT50000201231234567890154"', 'PT50000201231234567890154'],
  ['Konto:LU280019400644750000.', 'LU280019400644750000'],
  // Full-width, lower case, other countries
  [`Full-width ${fullWidth('DE89370400440532013000')}`, fullWidth('DE89370400440532013000')],
  [`Full-width grouped ${fullWidth('NL91')} ${fullWidth('ABNA')} ${fullWidth('0417')} ${fullWidth('1643')} ${fullWidth('00')}`, `${fullWidth('NL91')} ${fullWidth('ABNA')} ${fullWidth('0417')} ${fullWidth('1643')} ${fullWidth('00')}`],
  ['lower case be68 5390 0754 7034', 'be68 5390 0754 7034'],
  ['Malta MT84 MALT 0110 0001 2345 MTLC AST0 01S', 'MT84 MALT 0110 0001 2345 MTLC AST0 01S'],
  ['Saudi SA03 8000 0000 6080 1016 7519', 'SA03 8000 0000 6080 1016 7519'],
  ['UAE AE07 0331 2345 6789 0123 456', 'AE07 0331 2345 6789 0123 456'],
  ['Brazil BR18 0036 0305 0000 1000 9795 493C 1', 'BR18 0036 0305 0000 1000 9795 493C 1'],
  ['Turkey TR33 0006 1005 1978 6457 8413 26', 'TR33 0006 1005 1978 6457 8413 26'],
  ['Czechia CZ65 0800 0000 1920 0014 5399', 'CZ65 0800 0000 1920 0014 5399'],
  ['Hungary HU42 1177 3016 1111 1018 0000 0000', 'HU42 1177 3016 1111 1018 0000 0000'],
  ['Croatia HR12 1001 0051 8630 0016 0', 'HR12 1001 0051 8630 0016 0'],
  ['Slovenia SI56 2633 0001 2039 086', 'SI56 2633 0001 2039 086'],
  ['Lithuania LT12 1000 0111 0100 1000', 'LT12 1000 0111 0100 1000'],
  ['Estonia EE38 2200 2210 2014 5685', 'EE38 2200 2210 2014 5685'],
  ['Iceland IS14 0159 2600 7654 5510 7303 39', 'IS14 0159 2600 7654 5510 7303 39'],
  ['Liechtenstein LI21 0881 0000 2324 013A A', 'LI21 0881 0000 2324 013A A'],
  ['Greece GR16 0110 1250 0000 0001 2300 695', 'GR16 0110 1250 0000 0001 2300 695'],
  ['Romania RO49 AAAA 1B31 0075 9384 0000', 'RO49 AAAA 1B31 0075 9384 0000'],
  ['Kuwait KW81 CBKU 0000 0000 0000 1234 5601 01', 'KW81 CBKU 0000 0000 0000 1234 5601 01'],
  ['Qatar QA58 DOHB 0000 1234 5678 90AB CDEF G', 'QA58 DOHB 0000 1234 5678 90AB CDEF G'],
  ['Georgia GE29 NB00 0000 0101 9049 17', 'GE29 NB00 0000 0101 9049 17'],
  ['Ukraine UA21 3223 1300 0002 6007 2335 6600 1', 'UA21 3223 1300 0002 6007 2335 6600 1'],
  ['Kosovo XK05 1212 0123 4567 8906', 'XK05 1212 0123 4567 8906'],
  ['Monaco MC58 1122 2000 0101 2345 6789 030', 'MC58 1122 2000 0101 2345 6789 030'],
  ['Israel IL62 0108 0000 0009 9999 999', 'IL62 0108 0000 0009 9999 999'],
  ['Pakistan PK36 SCBL 0000 0011 2345 6702', 'PK36 SCBL 0000 0011 2345 6702'],
  ['Latvia LV80 BANK 0000 4351 9500 1', 'LV80 BANK 0000 4351 9500 1'],
  ['Slovakia SK31 1200 0000 1987 4263 7541', 'SK31 1200 0000 1987 4263 7541'],
  ['Bulgaria BG80 BNBG 9661 1020 3456 78', 'BG80 BNBG 9661 1020 3456 78'],
  ['Cyprus CY17 0020 0128 0000 0012 0052 7600', 'CY17 0020 0128 0000 0012 0052 7600'],
  ['San Marino SM86 U032 2509 8000 0000 0270 100', 'SM86 U032 2509 8000 0000 0270 100'],
  ['Sentence end: send it to DE89 3704 0044 0532 0130 00. Thanks', 'DE89 3704 0044 0532 0130 00'],
]);

export const POSITIVES: readonly Positive[] = [...SSNS, ...CARDS, ...IBANS];

/** Numbers that look like PII but are not: they must reach the model exactly as written. */
export const NEAR_MISSES: readonly string[] = [
  // Phone numbers
  'Call back on (415) 555-0142 or 415-555-0142.',
  'International: +1 415 555 0142, ext. 22',
  'Dots: 415.555.0142, slashes 415/555/0142',
  'UK mobile +44 7700 900123 and landline 020 7946 0958',
  'Germany +49 30 901820 and +49 (0)89 1234 5678',
  'France 01 23 45 67 89 and +33 1 23 45 67 89',
  'Two numbers 415-555-0142 / 415-555-0199 on one line',
  'Toll free 1-800-555-0199 ext 4411',
  'Phone 415 555 0142 4411 (desk, then extension)',
  'Full-width phone \uff14\uff11\uff15\uff0d\uff15\uff15\uff15\uff0d\uff10\uff11\uff14\uff12',
  // Dates, times, money, quantities
  'Closes 2026-12-15; renewal 12/15/2026; budget $1,234,567.89',
  'European amount 1.234.567,89 EUR and 1 234 567,89 EUR',
  'Swiss amount CHF 1\u2019234\u2019567.89',
  'Timestamp 2026-05-01T17:05:00Z and 17:05:00.123',
  'Dates 01.05.2026, 2026/05/01 and 05-01-2026',
  'Revenue 850000000 and 4200 employees',
  'Quantity 1 200 units at 12.50 each, total 15 000.00',
  'Fiscal periods 2026 Q1 2026 Q2 2026 Q3',
  // Postal and other identifiers
  'Ship to ZIP 94105-1234 and 02115-0042.',
  'Case 00001026, opportunity 006000000000001AAA',
  'Account number 000123456789, routing 121000248.',
  'Version 10.4.1234.5678 built 2026-05-01T17:05:00Z',
  'Order ORD-2026-000123-45 shipped; tracking 1Z999AA10123456784',
  'IP 192.168.100.200 and 10.0.0.1, MAC 00:1A:2B:3C:4D:5E',
  'UUID 123e4567-e89b-12d3-a456-426614174000',
  'ISBN 978-3-16-148410-0 for the handbook',
  'Serial SN-4411-2290-7731 on the gateway',
  'PO 4500012345 line 10, material 100-200-300',
  'Parts 123-45-67890, 9123-45-6789 and 1-123-45-6789',
  'Salesforce ids 001000000000001AAA and 0035e00000ABCDE',
  // Numbers that are not SSNs
  'Area 000-12-3456, 666-12-3456 and 912-34-5678 are not issued; nor are 123-00-4567 or 123-45-0000.',
  'Dotted but never issued: 000.12.3456 and 666.12.3456',
  'Slashed but never issued: 123/00/4567',
  'SSN 000-00-0000 is the placeholder on the form',
  'SSN 12345678 has only eight digits',
  'ssn 1234567890 has ten digits',
  'SSN 900 12 3456 is an ITIN range, not an SSN',
  'SSN: not given; order 123456789 shipped',
  'Part 123-45-6789-0 from the catalogue',
  'Extension 123-45-67 and room 123-456',
  'Nine digits 123456789 with no word naming them',
  'Ticket #536221847 in the support queue',
  'Tax ID: pending, see case 00001026',
  'TIN number unknown (client will send)',
  'The ssn field is empty',
  // Numbers that are not cards
  'Refund against order number 7310 2294 5581 0046 once finance confirms.',
  'Ticket 4111 1111 1111 1112 fails the Luhn check.',
  'Invoice 1234567812345678 is due.',
  'Dotted 4111.1111.1111.1112 fails Luhn too',
  'Underscored 4111_1111_1111_1112 fails Luhn',
  'Slashed 4111/1111/1111/1112 fails Luhn',
  'Full-width \uff14\uff11\uff11\uff11\uff11\uff11\uff11\uff11\uff11\uff11\uff11\uff11\uff11\uff11\uff11\uff12 fails Luhn',
  'Thin spaced 4111\u20091111\u20091111\u20091112 fails Luhn',
  'Masked card **** **** **** 1111 and 4111 XXXX XXXX 1111',
  'Last four 1111, expiry 12/27',
  'All zeros 0000 0000 0000 0000 is a test pattern',
  'Twelve digits 4111 1111 1111 is too short for a card',
  'Twenty digits 41111111111111111234 bare are too long for a card',
  'Amounts 1.234.567.890.123 and 9 876 543 210 987',
  'Version 1.4.1111.1111.1111.1111 is a build',
  'Phone 415 555 0142 then order 4411 2290',
  'Odd grouping 72 3456 7890 1234 5 with no card word and no card network',
  'Barcode 8 901234 567893 on the box',
  'Numbers 7777 7777 7777 7777 and 9999 9999 9999 9999 (fail Luhn)',
  // Not IBANs
  'Bad IBAN GB83 WEST 1234 5698 7654 32 (check digits off by one).',
  'Bad IBAN DE88 3704 0044 0532 0130 00 (wrong check digits) and DE89 3704 0044 0532 0130 02 (wrong account).',
  'All-zero IBAN DE00 0000 0000 0000 0000 00 on the template',
  'Placeholder IBAN XX00 0000 0000 0000 0000 00',
  'Dashed bad IBAN DE88-3704-0044-0532-0130-00',
  'Dotted bad IBAN GB83.WEST.1234.5698.7654.32',
  'Too short for Germany DE89 3704 0044 0532 0130',
  'Country code only: DE, FR, GB and the words IBAN and BIC DEUTDEFF',
  'BIC codes DEUTDEFF500 and NWBKGB2L',
  'Codes like AB12 CD34 and XY99-1234',
  'Plate number DE12 ABC 1234',
  'Model numbers GT40 and XK120, room B2 12',
  'Check digits 01: GB01 WEST 1234 5698 7654 32',
  'Check digits 99: GB99 WEST 1234 5698 7654 32',
  'Lower-case bad iban de88370400440532013000',
  // Prose that only mentions the kinds
  'Please never send your SSN, card number or IBAN by email.',
  'We accept Visa, Mastercard and Amex; cards ending 4242 are test cards.',
  'The credit limit is 25,000 and the debit was 1,250.00',
  'Card 12 of 52 in the deck; credit 3 of 4 hours',
  'Sections 4.1, 4.11 and 4.111 of the contract',
  'Coordinates 37.7749, -122.4194',
];
