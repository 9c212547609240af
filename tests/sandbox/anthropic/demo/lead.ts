/**
 * "Extract to Lead": one lead per person the selected text names with a title, an email address or a phone number
 * beside them (a signature, an attendee list), with their company when the text writes it after the title ("CFO,
 * Initrode Corp", "Head of IT at Umbrella Health"), never from an email domain. Every value keeps its exact words.
 */
import type { ReadPrompt } from './prompt';
import type { Found } from './rules/found';
import { findPeople } from './rules/people';

interface Evidenced {
  value: string;
  evidence: string;
}

export interface LeadDraft {
  leads: (Partial<Record<'FirstName' | 'LastName' | 'Company' | 'Email' | 'Phone' | 'Title', Evidenced>> & { otherFields: never[] })[];
}

const evidenced = (found: Found<string> | undefined): Evidenced | undefined => (found ? { value: found.value, evidence: found.quote } : undefined);

export function proposeLeads(prompt: ReadPrompt): LeadDraft {
  const text = prompt.tags.get('context') ?? '';
  return {
    leads: findPeople(text, { withContactOnly: true }).map((person) => {
      const entries = {
        FirstName: evidenced(person.firstName),
        LastName: evidenced(person.lastName),
        Company: evidenced(person.company),
        Email: evidenced(person.email),
        Phone: evidenced(person.phone),
        Title: evidenced(person.title),
      };
      const present = Object.entries(entries).filter((entry): entry is [string, Evidenced] => entry[1] !== undefined);
      return { ...Object.fromEntries(present), otherFields: [] };
    }),
  };
}
