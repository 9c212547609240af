/**
 * "Log this note" with a call transcript (a request with <speakers>): the context is one turn per line,
 * "[4:12] Dana Whitfield: words". The demo model reads the words the way it reads a note (note.ts), so every quote is
 * a speaker's own words, and writes the call's activity itself:
 *
 * - subject: "Call with" the speakers <speakers> lists, quoting the first turn's opening words;
 * - description: a short summary: who spoke, the first thing each speaker said, and the next steps found.
 */
import { proposeFromNote, type NoteDraft } from './note';
import type { ReadPrompt } from './prompt';
import { sentencesOf } from './rules/sentences';

interface Turn {
  speaker: string | null;
  words: string;
}

const TURN = /^(?:\[(\d{1,2}(?::\d{2}){1,2})\]\s+)?(?:([^:\n]{1,80}):\s+)?(.*)$/;
const SUBJECT_LIMIT = 80;

function turnsOf(context: string): Turn[] {
  return context.split('\n').flatMap((line) => {
    const match = TURN.exec(line.trim());
    const words = match?.[3]?.trim() ?? '';
    // A line with neither a time nor a speaker is the rep's own note: its words all the same.
    return words ? [{ speaker: match?.[2]?.trim() ?? null, words }] : [];
  });
}

const firstSentence = (words: string): string => sentencesOf(words)[0]?.text ?? words;

function namesList(names: readonly string[]): string {
  return names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names.at(-1) ?? ''}`;
}

export function proposeFromCall(prompt: ReadPrompt): NoteDraft {
  const turns = turnsOf(prompt.tags.get('context') ?? '');
  const spoken = turns.map((turn) => turn.words).join('\n');
  const fromWords = proposeFromNote({ ...prompt, tags: new Map(prompt.tags).set('context', spoken) });
  const speakers = (prompt.tags.get('speakers') ?? '')
    .split(',')
    .map((name) => name.trim())
    .filter((name) => name && !name.startsWith('('));
  const first = turns[0];
  if (!first) return fromWords;
  const opening = firstSentence(first.words);
  const subject = `Call with ${namesList(speakers) || 'the customer'}`;
  const said = speakers.flatMap((speaker) => {
    const turn = turns.find((candidate) => candidate.speaker === speaker);
    return turn ? [`${speaker}: “${firstSentence(turn.words)}”`] : [];
  });
  const nextSteps = fromWords.followUps.map((followUp) => `${followUp.subject} (due ${followUp.dueDate})`);
  const summary = [
    `Call with ${namesList(speakers) || 'the customer'}.`,
    ...said,
    ...(nextSteps.length > 0 ? [`Next steps: ${nextSteps.join('; ')}.`] : []),
  ].join(' ');
  return {
    ...fromWords,
    activity: {
      subject: { value: subject.length > SUBJECT_LIMIT ? subject.slice(0, SUBJECT_LIMIT).replace(/\s+\S*$/, '') : subject, evidence: opening },
      description: { value: summary, evidence: opening },
      ...(fromWords.activity.activityDate ? { activityDate: fromWords.activity.activityDate } : {}),
    },
  };
}
