/**
 * Email drafts and Gmail replies: a greeting that names the recipient by first name, one or two facts from the
 * context (the record, its next step or the open item with the recipient), one call to action, a sign-off with the
 * sender's name when given, and a "Sources:" line with the ids of the lines used. A draft also has a subject first,
 * chosen by its purpose (follow-up, recap, introduction, check-in, or the rep's own instruction).
 */
import { cite, factsOf, type Fact, type Facts } from './facts';
import type { ReadPrompt } from './prompt';

const SUBJECTS: [RegExp, (name: string) => string][] = [
  [/recap/i, (name) => `Recap: ${name}`],
  [/intro/i, (name) => `Introduction: ${name}`],
  [/check/i, (name) => `Checking in on ${name}`],
  [/follow/i, (name) => `Next steps on ${name}`],
];

interface Draft {
  greeting: string;
  lines: string[];
  used: (Fact | undefined)[];
  signOff: string;
}

export function writeEmail(prompt: ReadPrompt): string {
  const facts = factsOf(prompt.lines, prompt.today);
  const purpose = prompt.tags.get('purpose') ?? 'follow-up';
  const name = facts.recordName?.line.value ?? facts.objectLabel ?? 'our conversation';
  const subject = (SUBJECTS.find(([pattern]) => pattern.test(purpose))?.[1] ?? ((text: string) => text))(name);
  const draft = draftFor(prompt, facts, purpose);
  return [`Subject: ${subject}`, '', ...body(draft)].join('\n');
}

export function writeReply(prompt: ReadPrompt): string {
  const facts = factsOf(prompt.lines, prompt.today);
  return body(draftFor(prompt, facts, 'reply')).join('\n');
}

function body(draft: Draft): string[] {
  const sources = cite(...draft.used).replace(/\]\[/g, '] [');
  return [draft.greeting, '', ...draft.lines, '', draft.signOff, ...(sources ? ['', `Sources: ${sources}`] : [])];
}

function draftFor(prompt: ReadPrompt, facts: Facts, purpose: string): Draft {
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
    lines.push('Thank you for your message.');
  } else if (/recap/i.test(purpose) && stage && record) {
    lines.push(`Here is where ${record.line.value} stands: we are at the ${stage.line.value} stage.`);
    used.push(record, stage);
  } else if (/intro/i.test(purpose) && record) {
    lines.push(`I am reaching out about ${record.line.value}, and would value a short conversation.`);
    used.push(record);
  } else if (record) {
    lines.push(`I wanted to follow up on ${record.line.value}.`);
    used.push(record);
  }
  if (nextStep) {
    lines.push(`The next step on our side: ${nextStep.line.value}.`);
    used.push(nextStep);
  } else if (openItem) {
    lines.push(`The open item on our list is ${openItem.short}.`);
    used.push(openItem);
  }
  lines.push(purpose === 'reply' ? 'I will come back to you on the details shortly.' : 'Could you let me know whether that works for you?');
  return { greeting: `Hi ${firstName || 'there'},`, lines: [lines.join(' ')], used, signOff: sender ? `Best regards,\n${sender}` : 'Best regards' };
}
