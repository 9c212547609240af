import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findUnsupportedClaims } from '../../../lib/context';

const CONTEXT = [
  'Today is 2026-05-15.',
  '# Opportunity (the record in view)',
  'r1a2 Name: Globex - Expansion',
  'r2b3 Amount: $1,200,000',
  'r3c4 Close Date: 2026-12-24',
  'r4d5 Probability (%): 45',
  'r6f7 Owner: Alex Rivera',
  'r8h9 Employees: 4,200',
  '# Activities',
  'i1cc INV-2026-0042 | Total: €1,234.56',
].join('\n');

const flagged = (output: string, locale: string, context = CONTEXT) => findUnsupportedClaims(output, context, { locale }).map((claim) => claim.text);

describe('grounding in German output', () => {
  it.each(['1.200.000 $', '1.200.000 USD', '1,2 Mio. $', '1,2 Millionen US-Dollar', '$1.200.000'])('accepts %s for $1,200,000', (amount) => {
    expect(flagged(`Die Verkaufschance ist ${amount} wert [r2b3].`, 'de-DE')).toEqual([]);
  });

  it('accepts 1.234,56 € for €1,234.56 and flags a planted wrong amount written the German way', () => {
    expect(flagged('Die Rechnung über 1.234,56 € ist offen [i1cc].', 'de-DE')).toEqual([]);
    expect(flagged('Die Rechnung über 1.243,56 € ist offen [i1cc].', 'de-DE')).toEqual(['1.243,56 €']);
    expect(flagged('Die Verkaufschance ist 1,5 Mio. $ wert [r2b3].', 'de-DE')).toEqual(['1,5 Mio. $']);
  });

  it('reads 1.234 as one thousand two hundred and thirty-four, not as a decimal', () => {
    const context = '# Account (the record in view)\nr1a2 Employees: 1,234';
    expect(flagged('Das Konto hat 1.234 Mitarbeitende [r1a2].', 'de-DE', context)).toEqual([]);
    const decimalContext = '# Account (the record in view)\nr1a2 Rating: 1.234';
    expect(flagged('Die Bewertung ist 1.234 [r1a2].', 'de-DE', decimalContext)).toEqual(['1.234']);
    // The same text read as English is the decimal, and so supported.
    expect(flagged('The rating is 1.234 [r1a2].', 'en-US', decimalContext)).toEqual([]);
  });

  it.each(['24.12.2026', '24. Dezember 2026', '24. Dez. 2026', '24.12.', 'Dezember 2026', '24.12.26'])('accepts the date %s for 2026-12-24', (date) => {
    expect(flagged(`Das Abschlussdatum ist der ${date} [r3c4].`, 'de-DE')).toEqual([]);
  });

  it('flags a date the context does not have, written the German way', () => {
    expect(flagged('Das Abschlussdatum ist der 23. Dezember 2026 [r3c4].', 'de-DE')).toEqual(['23. Dezember 2026']);
    expect(flagged('Das Abschlussdatum ist der 23.12.2026 [r3c4].', 'de-DE')).toEqual(['23.12.2026']);
  });

  it('accepts percentages and capitalised nouns, and still flags an invented name', () => {
    expect(flagged('Die Wahrscheinlichkeit liegt bei 45 % [r4d5]. Nächster Schritt: Preisangebot prüfen.', 'de-DE')).toEqual([]);
    expect(flagged('Ansprechpartner ist Alex Rivera [r6f7].', 'de-DE')).toEqual([]);
    expect(flagged('Bitte stimmen Sie das mit Frau Zelda Quartermaine ab.', 'de-DE')).toEqual(['Frau Zelda Quartermaine']);
  });
});

describe('grounding in French and Spanish output', () => {
  it('accepts French amounts and dates and flags a wrong one', () => {
    expect(flagged('La facture de 1\u202f234,56 € est ouverte [i1cc], clôture le 24 déc. 2026 [r3c4].', 'fr-FR')).toEqual([]);
    expect(flagged('Clôture le 24 décembre 2026 [r3c4], montant 1,2 M $ [r2b3].', 'fr-FR')).toEqual([]);
    expect(flagged('La facture de 1\u202f234,65 € est ouverte.', 'fr-FR')).toEqual(['1\u202f234,65 €']);
  });

  it('reads a thread in the output language too: a German amount in it supports the same amount in a German reply', () => {
    const context = `${CONTEXT}\nVon: Lena Park\nWir können 2.500 € pro Monat zahlen.`;
    expect(flagged('Vielen Dank, 2.500 € pro Monat passen.', 'de-DE', context)).toEqual([]);
    expect(flagged('Vielen Dank, 2.600 € pro Monat passen.', 'de-DE', context)).toEqual(['2.600 €']);
  });

  it('tells a sentence-starting French or Spanish word from a name: "… Globex Industries. La prochaine" names nobody new', () => {
    const context = `${CONTEXT}\nr9k1 Account: Globex Industries`;
    expect(flagged('Je reviens vers vous au sujet de Globex Industries. La prochaine étape de notre côté : signer [r9k1].', 'fr-FR', context)).toEqual([]);
    expect(flagged('Quería hacer un seguimiento de Globex Industries. El siguiente paso por nuestra parte: firmar [r9k1].', 'es-ES', context)).toEqual([]);
    // A person the context does not name is still flagged after such a word.
    expect(flagged('Globex Industries. La responsable Marie Dupont signe [r9k1].', 'fr-FR', context)).toEqual(['Marie Dupont']);
  });

  it('accepts Spanish dates', () => {
    expect(flagged('La fecha de cierre es el 24 de diciembre de 2026 [r3c4].', 'es-ES')).toEqual([]);
    expect(flagged('La fecha de cierre es el 25 de diciembre de 2026 [r3c4].', 'es-ES')).toEqual(['25 de diciembre de 2026']);
  });
});

describe('Intl round trips', () => {
  const locales = fc.constantFrom('de-DE', 'fr-FR', 'es-ES', 'en-US');
  const cents = fc.integer({ min: 1, max: 9_999_999_999 });

  it('an amount Intl writes in any supported locale is supported by the same amount in the English context, and a different one is flagged', () => {
    fc.assert(
      fc.property(locales, cents, fc.integer({ min: 1, max: 999 }), (locale, amount, shift) => {
        const value = amount / 100;
        const context = `# Invoice (the record in view)\nr1a2 Total: ${new Intl.NumberFormat('en-US', { style: 'currency', currency: 'EUR' }).format(value)}`;
        const write = (figure: number) => new Intl.NumberFormat(locale, { style: 'currency', currency: 'EUR' }).format(figure);
        expect(flagged(`Total: ${write(value)} [r1a2].`, locale, context)).toEqual([]);
        const wrong = write((amount + shift) / 100);
        expect(flagged(`Total: ${wrong} [r1a2].`, locale, context)).toEqual([wrong]);
      }),
    );
  });

  it('a date Intl writes in any supported locale and style is supported by its ISO form, and the day after is flagged', () => {
    const days = fc.integer({ min: 0, max: 3650 });
    const styles = fc.constantFrom('short', 'medium', 'long') as fc.Arbitrary<'short' | 'medium' | 'long'>;
    fc.assert(
      fc.property(locales, days, styles, (locale, offset, dateStyle) => {
        const day = new Date(Date.UTC(2024, 0, 1) + offset * 86_400_000);
        const next = new Date(day.getTime() + 86_400_000);
        const context = `# Opportunity (the record in view)\nr1a2 Close Date: ${day.toISOString().slice(0, 10)}`;
        const write = (date: Date) => new Intl.DateTimeFormat(locale, { dateStyle, timeZone: 'UTC' }).format(date);
        expect(flagged(`Date: ${write(day)} [r1a2]`, locale, context)).toEqual([]);
        expect(flagged(`Date: ${write(next)} [r1a2]`, locale, context)).toEqual([write(next)]);
      }),
    );
  });
});
