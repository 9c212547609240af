/**
 * A meeting transcript as "Log this note" sends and shows it: one line per turn, "[4:12] Dana Whitfield: words", and
 * where each line sits in the text the model quotes from. (Files are read in the panel: transcript-parse.ts.)
 */
import type { Transcript, TranscriptLine } from './messages';

/** "4:12", "1:04:12": how a time in the call is written in the review and the prompt. */
export function clockOf(seconds: number): string {
  const whole = Math.floor(seconds);
  const hours = Math.floor(whole / 3600);
  const minutes = Math.floor((whole % 3600) / 60);
  const rest = String(whole % 60).padStart(2, '0');
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, '0')}:${rest}` : `${minutes}:${rest}`;
}

/** A line as the model and the review see it: "[4:12] Dana Whitfield: words". */
export function lineText(line: TranscriptLine): string {
  const time = line.at === null ? '' : `[${clockOf(line.at)}] `;
  return `${time}${line.speaker ? `${line.speaker}: ` : ''}${line.text}`;
}

/** Where each line sits in the transcript's text. */
export interface LineSpan {
  start: number;
  end: number;
  line: TranscriptLine;
}

/** The transcript as one text, a line per turn, and where each line is in it (offsets after `offset`). */
export function renderTranscript(transcript: Transcript, offset = 0): { text: string; spans: LineSpan[] } {
  const spans: LineSpan[] = [];
  let at = offset;
  const texts = transcript.lines.map((line) => {
    const text = lineText(line);
    spans.push({ start: at, end: at + text.length, line });
    at += text.length + 1;
    return text;
  });
  return { text: texts.join('\n'), spans };
}

/** The distinct speakers, in the order they first speak. */
export const speakersOf = (transcript: Transcript): string[] => [...new Set(transcript.lines.flatMap((line) => (line.speaker ? [line.speaker] : [])))];
