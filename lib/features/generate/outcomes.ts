/** What the rep did with a generation: applied to it (used, thumbs, edited), and what of it the audit entry records. */
import { editDistance } from './edit-distance';
import type { Generation, OutcomeReport } from './messages';
import { splitEmail } from './validate';
import { draftText } from '../../i18n/draft-words';

/** The outcomes recorded on a generation's audit entry. */
export type GenerationOutcome = 'accepted' | 'edited' | 'regenerated' | 'feedback-up' | 'feedback-down';

/** The text a rep would have used unchanged: an email draft as the panel shows it (subject, blank line, body). */
export function generatedTextOf(generation: Generation): string {
  if (generation.feature !== 'email') return generation.text;
  const { subject, body } = splitEmail(generation.text);
  return draftText(subject, body, generation.language);
}

export function applyReport(generation: Generation, report: OutcomeReport): Generation {
  switch (report.kind) {
    case 'used': {
      const distance = editDistance(generatedTextOf(generation), report.finalText);
      return { ...generation, outcome: distance === 0 ? 'accepted' : 'edited', editDistance: distance };
    }
    case 'feedback':
      return {
        ...generation,
        feedback: report.value,
        feedbackReason: report.value === 'down' ? (report.reason || (generation.feedback === 'down' ? generation.feedbackReason : null)) : null,
      };
    case 'edit':
      return { ...generation, edited: { subject: report.subject, body: report.body } };
  }
}

/** The amendment a report makes, or null when it changes nothing the audit holds (a repeated click, an edit). */
export function outcomeToRecord(before: Generation, after: Generation, report: OutcomeReport): GenerationOutcome | null {
  switch (report.kind) {
    case 'used':
      return after.outcome !== before.outcome || after.editDistance !== before.editDistance ? after.outcome : null;
    case 'feedback':
      return after.feedback !== before.feedback ? `feedback-${report.value}` : null;
    case 'edit':
      return null;
  }
}
