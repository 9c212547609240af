/** People's names in a text: runs of capitalised words that are not ordinary words, greetings, sign-offs, honorifics. */
import { capitalisedRuns, span, tokensOf, type Claim, type Facts, type Reader, type Token } from './grounding-text';

/**
 * Words that start sentences, head sections, or name things in a CRM, and are not people: a run of capitalised words
 * made only of these is not a name, and they are trimmed from the ends of a run ("Ask Lena Park" → "Lena Park").
 */
const COMMON_WORDS = new Set(
  `a about above across after afternoon again against all also although always am among an and another any anyone
  anything are around as ask at back based be because been before being below best between both but by can could
  currently dear did do does done down during each either else even evening every everyone few finally first for from
  further good great had has have having he hello her here hey hi him his how however i if in including into is it its
  just last later least let like many may maybe me meanwhile might more morning most much must my neither never next
  no none nor not nothing now of off often on once one only or other others otherwise our out over overall per please
  rather recently regards same second she should since sincerely so some still such than thank thanks that the their
  them then there these they third this those though through thus to today together tomorrow too under unless until
  up upon us very via was we well were what when where whether which while who whom whose why will with within without
  would yes yesterday yet you your cheers kind warm regards sir madam team all everyone folks there
  monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thur thurs fri sat sun
  january february march april june july august september october november december jan feb mar apr jun jul aug sep
  sept oct nov dec spring summer autumn fall winter weekday weekend
  account accounts activity activities action actions add address agenda agreement alert analysis annual answer
  approval approved attendee attendees attention background billing brief budget business call calls campaign case
  cases change changed changes check close closed closing comments competitor competitors confirm contact contacts
  contract contracts customer customers date dates deal deals decision demo description detail details direct
  discovery discuss draft email emails escalated escalation event events executive expansion follow followup forecast
  health high history industry insight insights interaction interactions introduction invoice invoices issue issues
  item items key lead leads low manager medium meeting meetings name needs negotiation new next note notes open
  opportunities opportunity overdue overview owner past pending phone pipeline plan point points price pricing priority
  probability product products proposal prospecting qualification question questions quote quarterly recap recent
  recommendation recommendations recommended record records related renewal request review revenue risk risks role
  roles sales schedule section send share signal signals similar stage stages stalled status step steps subject
  suggested summary support talking task tasks timeline title topic topics total training type update updates upcoming
  value visit won lost working won't work ask align book bring clarify congratulate consider continue create discuss
  engage escalate explore find get give highlight identify invite introduce keep loop make mention move note offer
  prepare present propose provide push reach reconnect remind resolve secure set share start suggest thank use
  validate verify vp ceo cfo cto coo ops operations procurement finance legal marketing engineering it hr
  president director head chief officer senior junior lead principal global regional national north south east west
  central inc llc ltd corp co company group holdings partners solutions systems services technologies international
  demo model offline source sources unverified ai generated claude groundwork salesforce gmail`
    .split(/\s+/)
    .filter(Boolean),
);

/** Endings of ordinary English nouns and adjectives ("Alignment", "Sponsorship"), rare at the end of a person's name. */
const WORD_SUFFIX = /(?:tion|sion|ment|ness|ity|ship|ance|ence|ally|ive|ous|ful|able|ible|ize|ise|ized|ised|ism|ist)$/;

/** German, French and Spanish nouns end so: "Vertragsverlängerung", "Sicherheit", "Partnerschaft". */
const GERMAN_NOUN_SUFFIX = /(?:ung|heit|keit|schaft|tät|ion|nis|tum|ismus|ment|chen)$/;

const HONORIFIC = /\b(?:Mr|Mrs|Ms|Mx|Miss|Dr|Prof|Herr|Herrn|Frau|Mme|Sr|Sra)\.?[ \t]+/g;

/** Where a sentence, list item, heading or table cell starts, a capital letter proves nothing. */
function atSentenceStart(text: string, position: number): boolean {
  const before = text.slice(0, position).replace(/[ \t*_#>"“'(•-]+$/u, '');
  return before === '' || /[.!?:;|\]\n]$/.test(before) || /(^|\n)[ \t]*\d{1,2}[.)]$/.test(before);
}

export function readNames(reader: Reader, facts: Facts): void {
  const { text } = reader;
  const { commonWords, capitalisesNouns } = reader.conventions;
  const isCommon = (key: string): boolean =>
    COMMON_WORDS.has(key) ||
    commonWords.has(key) ||
    facts.lowerWords.has(key) ||
    reader.lowerWords.has(key) ||
    (key.length > 5 && WORD_SUFFIX.test(key)) ||
    (capitalisesNouns && key.length > 5 && GERMAN_NOUN_SUFFIX.test(key));
  const nameClaim = (start: number, end: number, tokens: Token[]): Claim => ({ kind: 'name', start, end, tokens: tokens.map((t) => (t.initial ? t.key.charAt(0) : t.key)) });

  // Headings and bold labels ("## Key Contacts", "**Open items:**") are title case, not names.
  reader.scan(/^[ \t]*#{1,6}[ \t].*$|^[ \t]*[-*]?[ \t]*\*\*[^*\n]{1,80}\*\*:?/gm, () => 'skip');

  // Greetings and sign-offs: a first name alone is a claim here.
  reader.scan(/\b(?:Dear|Hi|Hello|Hey|Good (?:morning|afternoon|evening)|Hallo|Liebe|Lieber|Guten Tag|Bonjour|Cher|Chère|Hola|Estimado|Estimada)[ \t]+(\p{Lu}[\p{Ll}'’-]+)(?=[ \t]*[,!.:;\n]|$)/gu, (m) => {
    const word = (m[1] ?? '').toLowerCase();
    if (isCommon(word)) return 'skip';
    const where = span(m, 1);
    return nameClaim(where.start, where.end, tokensOf(m[1] ?? ''));
  });
  reader.scan(
    /^[ \t]*(?:Best(?: regards| wishes)?|Kind regards|Warm regards|Regards|Thanks(?: again)?|Thank you|Many thanks|Cheers|Sincerely(?: yours)?|All the best|Talk soon|Viele Grüße|Beste Grüße|Freundliche Grüße|Mit freundlichen Grüßen|Cordialement|Bien à vous|Saludos|Un saludo|Atentamente)[ \t]*,?[ \t]*\n[ \t]*(\p{Lu}[\p{Ll}'’-]+)[ \t]*$/gmu,
    (m) => {
      const where = span(m, 1);
      return isCommon((m[1] ?? '').toLowerCase()) ? 'skip' : nameClaim(where.start, where.end, tokensOf(m[1] ?? ''));
    },
  );

  // "Ms. Park", "Dr. Sarah Chen": the honorific makes even one word a name.
  for (const match of reader.masked.matchAll(HONORIFIC)) {
    const after = match.index + match[0].length;
    const following = tokensOf(reader.masked.slice(after, after + 60)).map((t) => ({ ...t, start: t.start + after, end: t.end + after }));
    const run: Token[] = [];
    for (const token of following) {
      const previous = run[run.length - 1];
      if (!token.capitalised || (previous && !/^[ \t]$/.test(text.slice(previous.end, token.start)))) break;
      if (!previous && token.start !== after) break;
      run.push(token);
      if (run.length === 3) break;
    }
    const last = run[run.length - 1];
    if (!last) continue;
    reader.claims.push(nameClaim(match.index, last.end, run));
    reader.mask(match.index, last.end);
  }

  for (const run of capitalisedRuns(reader.masked)) {
    let tokens = run;
    const sentenceStart = run[0] !== undefined && atSentenceStart(reader.masked, run[0].start);
    let trimmedFront = false;
    while (tokens[0] && isCommon(tokens[0].key)) {
      tokens = tokens.slice(1);
      trimmedFront = true;
    }
    while (tokens.length > 0 && isCommon(tokens[tokens.length - 1]?.key ?? '')) tokens = tokens.slice(0, -1);
    if (tokens.length < 2 || tokens.every((token) => isCommon(token.key))) continue;
    const keys = (list: Token[]) => list.map((t) => (t.initial ? t.key.charAt(0) : t.key));
    if (facts.supportsName(keys(tokens))) continue;
    // German capitalises nouns: at a sentence start, a noun (or an adjective) and a noun read like a name.
    if (capitalisesNouns && sentenceStart && !trimmedFront && tokens.length < 3) continue;
    if (sentenceStart && !trimmedFront && !facts.capitalisedWords.has(tokens[0]?.key ?? '')) {
      // The first word may be capitalised only because it starts the sentence ("Confirm Lena Park…").
      const rest = tokens.slice(1);
      if (facts.supportsName(keys(rest))) continue;
      if (rest.length >= 2) tokens = rest;
    }
    const first = tokens[0];
    const last = tokens[tokens.length - 1];
    if (first && last) reader.claims.push(nameClaim(first.start, last.end, tokens));
  }
}
