/**
 * The request as the demo model reads it: the system instructions, the user turn's tagged inputs (<context>, <fields>,
 * <question>, …), the cited context lines grouped under their "# " headings, the sections the instructions ask for,
 * and the day the request says it is.
 */
import type { MessagesRequest } from '../request';
import { asksOf, type Asks } from './instructions';

export interface ContextLine {
  /** The id the line starts with, as written between the brackets. */
  id: string;
  /** The "# " heading the line sits under, without the "#" ("Opportunity (the record in view)"). */
  section: string;
  /** Everything after the id. */
  text: string;
  /** `Field: value` lines (the record in view): the field's label. */
  field?: string;
  /** `Field: value` lines: the value; other lines: the text. */
  value: string;
  /** The text split at " | " (related records: name | stage | amount | …). */
  parts: string[];
}

export interface ReadPrompt {
  system: string;
  /** The user turns' text, joined. */
  user: string;
  /** Inputs by tag name, trimmed; the first occurrence wins. */
  tags: Map<string, string>;
  lines: ContextLine[];
  /** The "N. **Name**" items of the instructions: the sections the answer should have, in order. */
  sections: string[];
  /** YYYY-MM-DD from <today> or "Today is …", else the clock's day. */
  today: string;
  /** The rules the instructions ask the answer to follow (citations, data as data). */
  asks: Asks;
}

const TAG = /<([a-z_]+)>\n?([\s\S]*?)\n?<\/\1>/g;
/** A cited line: its id (a lowercase letter, then one to five lowercase letters or digits), a space, its text. */
const LINE = /^[ \t]*([a-z][a-z0-9]{1,5})[ \t]+(\S[^\n]*)$/;
const FIELD_VALUE = /^([^:|\n]{1,60}):[ \t]+(\S[^\n]*)$/;
const SECTION_ITEM = /^\s*\d+\.\s+\*\*([^*\n]+)\*\*/gm;

export function readPrompt(request: MessagesRequest, now: Date = new Date()): ReadPrompt {
  const system = request.system.map((block) => block.text).join('\n');
  const user = request.messages
    .filter((message) => message.role === 'user')
    .flatMap((message) => message.content.filter((block) => block.type === 'text').map((block) => block.text))
    .join('\n');
  const tags = new Map<string, string>();
  for (const match of user.matchAll(TAG)) {
    const name = match[1] ?? '';
    if (!tags.has(name)) tags.set(name, (match[2] ?? '').trim());
  }
  const contextText = tags.get('context') ?? user;
  return {
    system,
    user,
    tags,
    lines: contextLines(contextText),
    sections: [...system.matchAll(SECTION_ITEM)].map((match) => (match[1] ?? '').trim()),
    today: todayOf(tags, contextText, now),
    asks: asksOf(system),
  };
}

export function contextLines(text: string): ContextLine[] {
  let section = '';
  const lines: ContextLine[] = [];
  for (const raw of text.split('\n')) {
    const heading = /^#\s+(.+)$/.exec(raw.trim());
    if (heading) {
      section = (heading[1] ?? '').trim();
      continue;
    }
    const match = LINE.exec(raw);
    if (!match) continue;
    const body = (match[2] ?? '').trim();
    // Related records are "a | b | c" (an email task's name may hold a colon); the record in view is "Field: value".
    const fieldValue = section.includes('(the record in view)') || !body.includes(' | ') ? FIELD_VALUE.exec(body) : null;
    lines.push({
      id: match[1] ?? '',
      section,
      text: body,
      ...(fieldValue ? { field: (fieldValue[1] ?? '').trim() } : {}),
      value: fieldValue ? (fieldValue[2] ?? '').trim() : body,
      parts: body.split(' | ').map((part) => part.trim()),
    });
  }
  return lines;
}

function todayOf(tags: Map<string, string>, context: string, now: Date): string {
  const given = /(\d{4}-\d{2}-\d{2})/.exec(tags.get('today') ?? '')?.[1] ?? /Today is (\d{4}-\d{2}-\d{2})/.exec(context)?.[1];
  return given ?? now.toISOString().slice(0, 10);
}

/** The words of a text, lower case, for matching questions and headings. */
export function wordsOf(text: string): string[] {
  return text.toLowerCase().match(/[a-z0-9]+/g) ?? [];
}
