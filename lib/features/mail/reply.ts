/**
 * "Draft reply": the prompt for a reply to the message open in Gmail, grounded in the sender's Salesforce record and
 * in the thread, and the checks on what comes back. The thread is untrusted data like the record context: it is
 * redacted with the same redactor (numbering continued, so one value keeps one placeholder) and delimited by the
 * prompt's tags, which a message cannot close.
 */
import { buildContext, findUnsupportedClaims, redactText, restoreRedactions, type BuiltContext, type Redaction } from '../../context';
import type { RedactionRules } from '../../context/redact';
import type { Citation, Claim } from '../../context/checked-output';
import type { PromptBlock } from '../../model';
import { hasPrompt, renderPrompt } from '../../prompts';
import type { RecordGraph } from '../../salesforce/record-graph';
import { languageInstruction, OUTPUT_LANGUAGES, replyLanguageRequest, type LanguageRequest, type ReplyLanguageChoice } from '../../settings/languages';
import { detectTextLanguage } from '../../settings/text-language';
import type { MatchedPerson } from './messages';
import { threadText, type OpenThread } from './thread';

/** The same budget as the generation features' context. */
export const REPLY_CONTEXT_TOKENS = 3000;
const PROMPT_ID: string = 'reply';

export interface ReplyInputs {
  graph: RecordGraph;
  thread: OpenThread;
  person: MatchedPerson;
  instruction: string;
  now: Date;
  /** The rep's and the organization's denied fields and patterns. */
  rules: RedactionRules;
  /** The rep's output language, and whether a reply follows the thread's language instead. */
  languages: { output: LanguageRequest; reply: ReplyLanguageChoice };
}

export interface PreparedReply {
  system: PromptBlock[];
  user: PromptBlock[];
  /** The user turn as one text, as the audit keeps it. */
  userText: string;
  maxTokens: number;
  promptVersion: string;
  built: BuiltContext;
  /** Every redaction made for this prompt (context and thread), to put the originals back into the reply. */
  redactions: Redaction[];
  /** Everything the model was given, with originals put back: what its claims are checked against. */
  groundingText: string;
  /** The language the reply was asked for in, and why. */
  language: LanguageRequest;
}

export function prepareReply({ graph, thread, person, instruction, now, rules, languages }: ReplyInputs): PreparedReply {
  if (!hasPrompt(PROMPT_ID)) throw new Error('The reply prompt is not registered (prompts/reply.md in lib/prompts SOURCES).');
  const built = buildContext(graph, { maxTokens: REPLY_CONTEXT_TOKENS, now, deniedFields: rules.deniedFields, extraPatterns: rules.patterns });
  const redactedThread = redactText(threadText(thread), built.redactions, rules.patterns);
  const redactedInstruction = redactText(instruction, [...built.redactions, ...redactedThread.redactions], rules.patterns);
  const redactions = [...built.redactions, ...redactedThread.redactions, ...redactedInstruction.redactions];
  const recipient = `${person.name} <${person.email}>`;
  const language = replyLanguageRequest(detectTextLanguage(threadText(thread)), languages.output, languages.reply);
  const prompt = renderPrompt(PROMPT_ID, {
    context: built.text,
    extra: { thread: redactedThread.text, recipient, instruction: redactedInstruction.text },
    language: languageInstruction(language),
  });
  return {
    system: prompt.system,
    user: prompt.user,
    userText: prompt.userText,
    maxTokens: prompt.maxTokens,
    promptVersion: String(prompt.version),
    built,
    redactions,
    groundingText: restoreRedactions([built.text, redactedThread.text, recipient, instruction].join('\n'), redactions),
    language,
  };
}

const SOURCES_LINE = /^\s*sources:.*$/gim;

/** The reply's body as the rep sees it: originals put back, the Sources line left out. */
export function replyBody(raw: string, prepared: Pick<PreparedReply, 'redactions'>): string {
  return restoreRedactions(raw, prepared.redactions).replace(SOURCES_LINE, '').trim();
}

/** The context lines the reply cites that exist, in the order first cited. */
export function replyCitations(raw: string, built: BuiltContext): Citation[] {
  const lines = new Map(built.lines.map((line) => [line.id, line]));
  const seen = new Map<string, Citation>();
  for (const match of raw.matchAll(/\[([a-z][a-z0-9]{1,5})\]/g)) {
    const id = match[1] ?? '';
    const line = lines.get(id);
    if (line && !seen.has(id)) seen.set(id, { id, text: line.text, objectName: line.source.objectName, recordId: line.source.recordId });
  }
  return [...seen.values()];
}

/** Numbers, dates, money, emails and names in the reply that neither the record nor the thread supports. */
export function replyClaims(body: string, prepared: Pick<PreparedReply, 'groundingText' | 'language'>): Claim[] {
  return findUnsupportedClaims(body, prepared.groundingText, { locale: OUTPUT_LANGUAGES[prepared.language.language].locale });
}
