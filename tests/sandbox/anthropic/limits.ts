/** max_tokens and stop_sequences applied to a text a model would have written, as the real API applies them. */
import type { MessagesRequest } from './request';
import { countTokens, firstTokens } from './tokens';
import type { StopReason } from './types';

export interface LimitedReply {
  text: string;
  stopReason: StopReason;
  stopSequence: string | null;
}

export function limitReply(text: string, request: MessagesRequest): LimitedReply {
  let cut = text;
  let stopReason: StopReason = 'end_turn';
  let stopSequence: string | null = null;
  for (const sequence of request.stopSequences) {
    const at = sequence === '' ? -1 : cut.indexOf(sequence);
    if (at >= 0) {
      cut = cut.slice(0, at);
      stopReason = 'stop_sequence';
      stopSequence = sequence;
    }
  }
  const maxTokens = request.maxTokens ?? Infinity;
  if (countTokens(cut) > maxTokens) {
    return { text: firstTokens(cut, maxTokens), stopReason: 'max_tokens', stopSequence: null };
  }
  return { text: cut, stopReason, stopSequence };
}

/** The prompt as a model reads it: system blocks, then the user's text blocks (what a scripted `jsonFrom` is given). */
export function promptText(request: MessagesRequest): string {
  const system = request.system.map((block) => block.text);
  const user = request.messages.filter((message) => message.role === 'user').flatMap((message) => message.content);
  return [...system, ...user.filter((block) => block.type === 'text').map((block) => block.text)].join('\n');
}
