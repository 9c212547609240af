/**
 * Email drafts and Gmail replies: a greeting that names the recipient by first name, one or two facts from the
 * context (the record, its next step or the open item with the recipient), one call to action, a sign-off with the
 * sender's name when given, and a "Sources:" line with the ids of the lines used. A draft also has a subject first,
 * chosen by its purpose (follow-up, recap, introduction, check-in, or the rep's own instruction).
 */
import { cite, factsOf, type Fact, type Facts } from './facts';
import type { ReadPrompt } from './prompt';
import { inLanguageOf, wordsFor, type Words } from './words';

interface Draft {
  greeting: string;
  lines: string[];
  used: (Fact | undefined)[];
  signOff: string;
}

export function writeEmail(prompt: ReadPrompt): string {
  const w = wordsFor(prompt).email;
  const facts = factsOf(prompt.lines, prompt.today);
  const purpose = prompt.tags.get('purpose') ?? 'follow-up';
  const name = facts.recordName?.line.value ?? facts.objectLabel ?? w.ourConversation;
  const subject = (w.subjects.find(([pattern]) => pattern.test(purpose))?.[1] ?? ((text: string) => text))(name);
  const draft = draftFor(prompt, facts, purpose, w);
  return inLanguageOf(prompt, [`Subject: ${subject}`, '', ...body(draft)].join('\n'));
}

export function writeReply(prompt: ReadPrompt): string {
  const facts = factsOf(prompt.lines, prompt.today);
  return inLanguageOf(prompt, body(draftFor(prompt, facts, 'reply', wordsFor(prompt).email)).join('\n'));
}

function body(draft: Draft): string[] {
  const sources = cite(...draft.used).replace(/\]\[/g, '] [');
  return [draft.greeting, '', ...draft.lines, '', draft.signOff, ...(sources ? ['', `Sources: ${sources}`] : [])];
}

function draftFor(prompt: ReadPrompt, facts: Facts, purpose: string, w: Words['email']): Draft {
  const recipient = (prompt.tags.get('recipient') ?? '').split('\n')[0]?.trim() ?? '';
  const firstName = recipient.split(/[\s,(<]+/)[0] ?? '';
  const sender = prompt.tags.get('sender')?.split('\n')[0]?.trim();
  const aboutRecipient = recipient ? facts.all.filter((fact) => fact.line.text.includes(recipient)) : [];
  const openItem = aboutRecipient.find((fact) => fact.open) ?? facts.of('task').find((fact) => fact.open);
  const nextStep = facts.field('Next Step');
  const stage = facts.field('Stage');
  const record = facts.recordName;
  const lines: string[] = [];
  const used: (Fact | undefined)[] = [];
  if (purpose === 'reply') {
    lines.push(w.thanks);
  } else if (/recap/i.test(purpose) && stage && record) {
    lines.push(w.recap(record.line.value, stage.line.value));
    used.push(record, stage);
  } else if (/intro/i.test(purpose) && record) {
    lines.push(w.intro(record.line.value));
    used.push(record);
  } else if (record) {
    lines.push(w.followUp(record.line.value));
    used.push(record);
  }
  if (nextStep) {
    lines.push(w.nextStep(nextStep.line.value));
    used.push(nextStep);
  } else if (openItem) {
    lines.push(w.openItem(openItem.short));
    used.push(openItem);
  }
  lines.push(purpose === 'reply' ? w.comeBack : w.works);
  return { greeting: w.greeting(firstName), lines: [lines.join(' ')], used, signOff: sender ? `${w.signOff},\n${sender}` : w.signOff };
}
