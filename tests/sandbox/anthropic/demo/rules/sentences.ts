/** Sentences and lines of a text, with where each starts: rules read values within one sentence. */
export interface Sentence {
  text: string;
  start: number;
  end: number;
}

const ABBREVIATION = /\b(?:Mr|Mrs|Ms|Mx|Dr|Prof|Inc|Corp|Ltd|Co|Jr|Sr|St|vs|e\.g|i\.e|approx|No)\.$/;

export function sentencesOf(text: string): Sentence[] {
  const out: Sentence[] = [];
  let start = 0;
  const push = (end: number): void => {
    const raw = text.slice(start, end);
    const lead = raw.length - raw.trimStart().length;
    const trimmed = raw.trim();
    if (trimmed) out.push({ text: trimmed, start: start + lead, end: start + lead + trimmed.length });
    start = end;
  };
  for (let index = 0; index < text.length; index++) {
    const char = text[index] ?? '';
    if (char === '\n') {
      push(index);
      continue;
    }
    const next = text[index + 1];
    if (/[.!?;]/.test(char) && (next === undefined || /\s/.test(next)) && !ABBREVIATION.test(text.slice(Math.max(0, index - 8), index + 1))) {
      push(index + 1);
    }
  }
  push(text.length);
  return out;
}

export function sentenceAt(sentences: readonly Sentence[], index: number): Sentence | undefined {
  return sentences.find((sentence) => index >= sentence.start && index < sentence.end);
}
