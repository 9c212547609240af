/**
 * Summaries, meeting briefs and deal insights: the answer has the "## " sections the prompt's instructions list (their
 * "1. **Name**" items), in that order, each written by the rule its name calls for and left out when the context has
 * nothing for it. Every bullet quotes context lines and ends with their ids; the only words of its own are plain
 * connecting words and suggestions, so the grounding check finds nothing unsupported.
 */
import { cite, factsOf, newestFirst, type Fact, type Facts } from './facts';
import type { ReadPrompt } from './prompt';
import { inLanguageOf, wordsFor, type Words } from './words';

type Writer = (facts: Facts, prompt: ReadPrompt, w: Words) => string[];

const MAX_BULLETS = 4;

/** In the language the request asks for (German, French, Spanish), with its number and date formats; else English. */
export function writeUp(prompt: ReadPrompt): string {
  return inLanguageOf(prompt, writeSections(prompt, wordsFor(prompt)));
}

function writeSections(prompt: ReadPrompt, w: Words): string {
  const facts = factsOf(prompt.lines, prompt.today);
  const sections = prompt.sections.length > 0 ? prompt.sections : ['Overview'];
  const written = sections.flatMap((name) => {
    const bullets = writerFor(name)(facts, prompt, w).slice(0, MAX_BULLETS);
    return bullets.length > 0 ? [{ name, bullets }] : [];
  });
  const cited = written.reduce((count, section) => count + section.bullets.filter((bullet) => /\]$/.test(bullet)).length, 0);
  if (cited < 2 && !sections.some((name) => /overview/i.test(name))) {
    written.push({ name: 'Overview', bullets: overview(facts) });
  }
  if (written.every((section) => section.bullets.length === 0)) return w.nothingGrounded;
  return written
    .filter((section) => section.bullets.length > 0)
    .map(({ name, bullets }) => (/bottom line/i.test(name) ? `## ${w.heading(name)}\n${bullets.join(' ')}` : `## ${w.heading(name)}\n${bullets.map((bullet) => `- ${bullet}`).join('\n')}`))
    .join('\n\n');
}

const WRITERS: [RegExp, Writer][] = [
  [/bottom line/i, bottomLine],
  [/attention/i, needsAttention],
  [/changed/i, changedSinceLastVisit],
  [/recent/i, recentActivity],
  [/open opportunit/i, openOpportunities],
  [/open case/i, openCases],
  [/contact|attendee/i, people],
  [/^meeting/i, meeting],
  [/background/i, background],
  [/open items/i, openItems],
  [/talking/i, talkingPoints],
  [/question/i, questions],
  [/health/i, dealHealth],
  [/similar/i, similarDeals],
  [/next action|recommend/i, nextActions],
  [/overview/i, overview],
];

function writerFor(name: string): Writer {
  return WRITERS.find(([pattern]) => pattern.test(name))?.[1] ?? (() => []);
}

/** The record in view when it is an opportunity: its name, stage, amount and close date lines. */
function dealInView(facts: Facts): { name?: Fact; stage?: Fact; amount?: Fact; close?: Fact; nextStep?: Fact } | null {
  const stage = facts.field('Stage');
  if (!stage) return null;
  return { name: facts.recordName, stage, amount: facts.field('Amount'), close: facts.field('Close Date'), nextStep: facts.field('Next Step') };
}

function dealSentence(deal: NonNullable<ReturnType<typeof dealInView>>, w: Words): string {
  const parts = [deal.stage && w.stage(deal.stage.line.value), deal.amount && w.amount(deal.amount.line.value), deal.close && w.closeDate(deal.close.line.value)];
  return `${deal.name?.line.value ?? w.thisDeal}: ${parts.filter(Boolean).join(', ')} ${cite(deal.name, deal.stage, deal.amount, deal.close)}`;
}

const openTasks = (facts: Facts): Fact[] => facts.of('task').filter((fact) => fact.open);
const upcomingEvents = (facts: Facts): Fact[] =>
  facts.of('event').filter((fact) => fact.date !== undefined && fact.date >= facts.today).sort((a, b) => (a.date ?? '').localeCompare(b.date ?? ''));
const pastActivity = (facts: Facts): Fact[] =>
  newestFirst(facts.of('task', 'event', 'note').filter((fact) => !fact.open && (fact.date === undefined || fact.date <= facts.today)));

function bottomLine(facts: Facts, _prompt: ReadPrompt, w: Words): string[] {
  const deal = dealInView(facts);
  const next = deal?.nextStep ?? openTasks(facts)[0];
  const lead = deal ? dealSentence(deal, w) : facts.of('openOpportunity').find((fact) => fact.open) ?? facts.of('case').find((fact) => fact.open);
  const first = typeof lead === 'string' ? `${lead}.` : lead ? `${lead.short} ${cite(lead)}.` : overview(facts)[0] ? `${overview(facts)[0]}.` : '';
  const second = next ? `${w.nextStep(next.kind === 'record' ? next.line.value : next.short)} ${cite(next)}.` : '';
  return [first, second].filter(Boolean);
}

function needsAttention(facts: Facts, _prompt: ReadPrompt, w: Words): string[] {
  const overdue = facts.all.filter((fact) => fact.overdue).map((fact) => `${fact.short} ${cite(fact)}: ${fact.kind === 'task' ? w.overdueTask : w.overdueDeal}`);
  const cases = facts
    .of('case')
    .filter((fact) => fact.open && /\b(priority high|escalated)\b/i.test(fact.line.text))
    .map((fact) => `${fact.short} ${cite(fact)}: ${w.checkSupport}`);
  const deal = dealInView(facts);
  const noNextStep = deal && !deal.nextStep && !/closed/i.test(deal.stage?.line.value ?? '') ? [`${dealSentence(deal, w)}: ${w.noNextStep}`] : [];
  return [...overdue, ...cases, ...noNextStep];
}

function changedSinceLastVisit(facts: Facts, prompt: ReadPrompt): string[] {
  const since = /\d{4}-\d{2}-\d{2}/.exec(prompt.tags.get('last_visit') ?? '')?.[0];
  if (!since) return [];
  return newestFirst(facts.all.filter((fact) => fact.kind !== 'record' && fact.date !== undefined && fact.date >= since && fact.date <= facts.today)).map(
    (fact) => `${fact.short} ${cite(fact)}`,
  );
}

function recentActivity(facts: Facts): string[] {
  return pastActivity(facts).slice(0, 3).map((fact) => `${fact.short} ${cite(fact)}`);
}

function openOpportunities(facts: Facts, _prompt: ReadPrompt, w: Words): string[] {
  const deal = dealInView(facts);
  if (deal && !/closed/i.test(deal.stage?.line.value ?? '')) return [dealSentence(deal, w)];
  return facts.of('openOpportunity').filter((fact) => fact.open).map((fact) => `${fact.short} ${cite(fact)}`);
}

function openCases(facts: Facts): string[] {
  return facts.of('case').filter((fact) => fact.open).map((fact) => `${fact.short} ${cite(fact)}`);
}

function people(facts: Facts): string[] {
  const roles = facts.of('contactRole');
  return (roles.length > 0 ? roles : facts.of('contact')).map((fact) => `${fact.short} ${cite(fact)}`);
}

function meeting(facts: Facts, prompt: ReadPrompt): string[] {
  const given = prompt.tags.get('meeting');
  const event = facts.objectLabel === 'Event' ? facts.recordName : upcomingEvents(facts)[0];
  if (event) return [`${event.kind === 'record' ? event.line.value : event.short} ${cite(event)}`];
  return given ? [given.split('\n')[0] ?? given] : [];
}

function background(facts: Facts): string[] {
  const parent = facts.of('parent')[0];
  const labels = [...(parent ? [] : ['Account']), 'Industry', 'Account Type', 'Type', 'Annual Revenue', 'Opportunity Type', 'Lead Source', 'Description', 'Account Description'];
  const lines = labels.map(facts.field).filter((fact): fact is Fact => fact !== undefined);
  const bullets = lines.slice(0, 3).map((fact) => `${fact.short} ${cite(fact)}`);
  return parent ? [`${parent.short} ${cite(parent)}`, ...bullets].slice(0, 3) : bullets;
}

function openItems(facts: Facts, prompt: ReadPrompt, w: Words): string[] {
  return [...openOpportunities(facts, prompt, w), ...openCases(facts), ...openTasks(facts).map((fact) => `${fact.short} ${cite(fact)}`)];
}

function talkingPoints(facts: Facts, _prompt: ReadPrompt, w: Words): string[] {
  const points: string[] = [];
  const deal = dealInView(facts);
  if (deal?.nextStep) points.push(`${w.confirmNextStep(deal.nextStep.line.value)} ${cite(deal.nextStep)}`);
  for (const task of openTasks(facts).slice(0, 2)) points.push(`${w.closeOut(quoted(task))} ${cite(task)}`);
  const latest = pastActivity(facts)[0];
  if (latest) points.push(`${w.pickUp(latest.short)} ${cite(latest)}`);
  const openCase = facts.of('case').find((fact) => fact.open);
  if (openCase) points.push(`${w.addressCase(openCase.short)} ${cite(openCase)}`);
  if (deal?.close) points.push(`${w.checkTimeline(deal.close.line.value)} ${cite(deal.close)}`);
  return points.slice(0, 5).map(capitalize);
}

function questions(facts: Facts, _prompt: ReadPrompt, { questions: q }: Words): string[] {
  const asked: string[] = [];
  const deal = dealInView(facts);
  if (deal && !deal.nextStep) asked.push(q.whatNext);
  if (facts.of('contactRole').length === 0) asked.push(q.whoDecides);
  if (facts.all.some((fact) => fact.overdue)) asked.push(q.overdue);
  asked.push(q.success, q.blockers);
  return asked.slice(0, 4);
}

function checksOf(prompt: ReadPrompt): string[] {
  return (prompt.tags.get('checks') ?? '')
    .split('\n')
    .map((line) => line.replace(/^-\s*/, '').trim())
    .filter(Boolean);
}

/** The record line a check is about, so the bullet cites what it rests on. */
function lineForCheck(check: string, facts: Facts): Fact | undefined {
  if (/close date/i.test(check)) return facts.field('Close Date');
  if (/activity/i.test(check)) return facts.field('Last Activity') ?? facts.recordName;
  if (/stage/i.test(check)) return facts.field('Stage');
  if (/amount/i.test(check)) return facts.recordName;
  return facts.recordName;
}

function dealHealth(facts: Facts, prompt: ReadPrompt, w: Words): string[] {
  const checks = checksOf(prompt);
  const deal = dealInView(facts);
  if (checks.length === 0 || (checks.length === 1 && /^no issues/i.test(checks[0] ?? ''))) {
    return deal ? [`${w.noIssues} ${dealSentence(deal, w)}`] : [];
  }
  return checks.map((check) => `${w.check(check).replace(/\.$/, '')} ${cite(lineForCheck(check, facts))}`);
}

function similarDeals(facts: Facts, _prompt: ReadPrompt, w: Words): string[] {
  const similar = facts.of('similarDeal');
  if (similar.length === 0) return [];
  const won = similar.filter((fact) => /\bwon\b/i.test(fact.line.text));
  const lost = similar.filter((fact) => /\blost\b/i.test(fact.line.text));
  const bullets = [...won.slice(0, 2).map((fact) => `${w.won}: ${fact.short} ${cite(fact)}`), ...lost.slice(0, 1).map((fact) => `${w.lost}: ${fact.short} ${cite(fact)}`)];
  const deal = dealInView(facts);
  if (deal) bullets.push(`${w.forComparison}: ${dealSentence(deal, w)}`);
  return bullets.map(capitalize);
}

function nextActions(facts: Facts, prompt: ReadPrompt, w: Words): string[] {
  const actions: string[] = [];
  const deal = dealInView(facts);
  const checks = checksOf(prompt).join(' ');
  const dealName = deal?.name?.line.value ?? w.thisDeal;
  if (/close date .* past/i.test(checks) && deal?.close) actions.push(`${w.moveCloseDate(deal.close.line.value)} ${cite(deal.close)}`);
  if (/no next step/i.test(checks) && deal) actions.push(`${w.recordNextStep(dealName)} ${cite(deal.name)}`);
  if (/no contact roles/i.test(checks) && deal) actions.push(`${w.addContactRoles(dealName)} ${cite(deal.name)}`);
  for (const task of openTasks(facts).slice(0, 2)) actions.push(`${w.finishTask(quoted(task))} ${cite(task)}`);
  if (deal?.nextStep) actions.push(`${w.followThrough(deal.nextStep.line.value)} ${cite(deal.nextStep)}`);
  const won = facts.of('similarDeal').find((fact) => /\bwon\b/i.test(fact.line.text));
  if (won) actions.push(`${w.useReference(won.short)} ${cite(won)}`);
  return actions.slice(0, 4).map(capitalize);
}

function overview(facts: Facts): string[] {
  const own = facts.of('record');
  return (own.length > 0 ? own : facts.all).slice(0, 5).map((fact) => `${fact.short} ${cite(fact)}`);
}

/** A related record by its name in quotes, then the rest of what its line says: “Send revised proposal” (Not Started, …). */
function quoted(fact: Fact): string {
  const [name, ...rest] = fact.short.split(', ');
  return rest.length > 0 ? `“${name ?? ''}” (${rest.join(', ')})` : `“${name ?? ''}”`;
}

const capitalize = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);
