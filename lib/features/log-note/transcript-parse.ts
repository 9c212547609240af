/**
 * Reading a transcript file's text in the panel (the background never parses files): who spoke, when, and what they
 * said, one line per turn.
 *
 * WebVTT and SRT are read by media-captions (the cue timing rules of the WebVTT spec, SRT's comma timestamps); the
 * speaker of a cue is its voice tag (`<v Dana Whitfield>`, as Teams writes it) or a "Name:" before its words (as Zoom
 * writes it). Plain text is read as "Speaker: words" lines, optionally after a time (`[00:04:12] Dana: …`), or as the
 * text export of meeting tools: a heading line with the speaker and the time ("Dana Whitfield  0:04" as Teams and
 * Otter write it, "[Dana Whitfield] 10:02:03" as Zoom does) followed by what they said.
 *
 * The text is the rep's data from a file they chose, so it is cleaned of what could mislead a reader (control and
 * bidirectional formatting characters), never interpreted.
 */
import { parseText, tokenizeVTTCue, type VTTCue, type VTTNode } from 'media-captions';
import type { Transcript, TranscriptFormat, TranscriptLine } from './messages';

/** One turn's words are kept whole up to this length; a longer turn (a monologue) becomes several lines. */
const TURN_MAX_CHARS = 600;
const SPEAKER_MAX_CHARS = 80;

// C0/C1 controls but tab and newline; bidirectional overrides and isolates; zero-width characters; the BOM.
const HIDDEN = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/g;

const cleanText = (text: string): string => text.replace(HIDDEN, '').replace(/[ \t]+/g, ' ').trim();

function cleanSpeaker(name: string): string | null {
  const cleaned = cleanText(name).replace(/[:\]\[]/g, '').slice(0, SPEAKER_MAX_CHARS).trim();
  return cleaned || null;
}

/** Seconds from "1:02:03", "02:03", "0:04", "00:01:02.500" or "00:01:02,500"; null for anything else. */
export function secondsOf(stamp: string): number | null {
  const match = /^(?:(\d{1,2}):)?(\d{1,2}):(\d{2})(?:[.,](\d{1,3}))?$/.exec(stamp.trim());
  if (!match) return null;
  const [, hours = '0', minutes = '0', seconds = '0'] = match;
  if (Number(seconds) >= 60 || (match[1] !== undefined && Number(minutes) >= 60)) return null;
  return Number(hours) * 3600 + Number(minutes) * 60 + Number(seconds);
}

const SPEAKER_PREFIX = /^([^:\n]{1,80}?):\s+(\S[\s\S]*)$/;

/** "Dana Whitfield: words" → speaker and words, when the part before the colon reads as a name (not "Note: …" prose). */
function splitSpeaker(text: string): { speaker: string | null; text: string } {
  const match = SPEAKER_PREFIX.exec(text);
  const name = match?.[1]?.trim() ?? '';
  const looksLikeName = name.split(/\s+/).length <= 4 && !/[.!?,;]/.test(name) && !/^https?$/i.test(name) && !/^\d/.test(name);
  return match && looksLikeName ? { speaker: cleanSpeaker(name), text: match[2] ?? '' } : { speaker: null, text };
}

function textOfNodes(nodes: readonly VTTNode[]): string {
  return nodes.map((node) => (node.type === 'text' ? node.data : textOfNodes(node.children))).join('');
}

function voiceOf(nodes: readonly VTTNode[]): string | null {
  for (const node of nodes) {
    if (node.type === 'v') return node.voice;
    if (node.type !== 'text') {
      const inner = voiceOf(node.children);
      if (inner) return inner;
    }
  }
  return null;
}

function lineOfCue(cue: VTTCue): TranscriptLine {
  const nodes = tokenizeVTTCue(cue);
  const voice = voiceOf(nodes);
  const words = textOfNodes(nodes).replace(/\s*\n\s*/g, ' ');
  const split = voice ? { speaker: cleanSpeaker(voice), text: words } : splitSpeaker(words);
  return { at: cue.startTime, speaker: split.speaker, text: cleanText(split.text) };
}

async function captionLines(text: string, type: 'vtt' | 'srt'): Promise<TranscriptLine[]> {
  const parsed = await parseText(text, { type });
  return parsed.cues.map(lineOfCue);
}

const TIMED_SPEAKER_LINE = /^\[?(\d{1,2}(?::\d{2}){1,2}(?:[.,]\d{1,3})?)\]?\s+(.*)$/;
const EXPORT_HEADING = [
  // "Dana Whitfield  0:04" (Teams, Otter), "Dana Whitfield 00:01:02"
  { pattern: /^([^\d\[\]:][^\[\]:]{0,79}?)\s+\(?(\d{1,2}(?::\d{2}){1,2})\)?$/, speaker: 1, time: 2 },
  // "[Dana Whitfield] 10:02:03" (Zoom)
  { pattern: /^\[([^\]]{1,80})\]\s+(\d{1,2}(?::\d{2}){1,2})$/, speaker: 1, time: 2 },
];

function exportHeading(line: string): { speaker: string | null; at: number | null } | null {
  for (const heading of EXPORT_HEADING) {
    const match = heading.pattern.exec(line);
    const at = match ? secondsOf(match[heading.time] ?? '') : null;
    if (match && at !== null) return { speaker: cleanSpeaker(match[heading.speaker] ?? ''), at };
  }
  return null;
}

/** Text exports: a heading with the speaker and the time, then their words until the next heading. */
function exportLines(rows: readonly string[]): TranscriptLine[] {
  const lines: TranscriptLine[] = [];
  let current: TranscriptLine | null = null;
  for (const row of rows) {
    const heading = exportHeading(row);
    if (heading) {
      if (current?.text) lines.push(current);
      current = { at: heading.at, speaker: heading.speaker, text: '' };
    } else if (current && row) {
      current = { at: current.at, speaker: current.speaker, text: cleanText(`${current.text} ${row}`) };
    }
  }
  if (current?.text) lines.push(current);
  return lines;
}

/** "Speaker: words" lines, each optionally after a time; a line without a speaker continues the previous turn. */
function speakerLines(rows: readonly string[]): TranscriptLine[] {
  const lines: TranscriptLine[] = [];
  for (const row of rows) {
    if (!row) continue;
    const timed = TIMED_SPEAKER_LINE.exec(row);
    const at = timed ? secondsOf(timed[1] ?? '') : null;
    const split = splitSpeaker(at !== null && timed ? (timed[2] ?? '') : row);
    const previous = lines.at(-1);
    if (!split.speaker && at === null && previous) lines[lines.length - 1] = { ...previous, text: cleanText(`${previous.text} ${split.text}`) };
    else lines.push({ at, speaker: split.speaker, text: cleanText(split.text) });
  }
  return lines;
}

function formatOf(text: string): TranscriptFormat {
  if (/^WEBVTT(?:[ \t]|$)/m.test(text.slice(0, 200)) && text.trimStart().startsWith('WEBVTT')) return 'webvtt';
  if (/^\s*\d+\s*\r?\n\s*\d{1,2}:\d{2}:\d{2}[,.]\d{1,3}\s*-->/.test(text)) return 'srt';
  const rows = text.split(/\r?\n/).map((row) => row.trim()).filter(Boolean);
  const headings = rows.filter((row) => exportHeading(row) !== null).length;
  return headings >= 2 && headings >= rows.length / 4 ? 'meeting-export' : 'speaker-lines';
}

/** One turn per line: a speaker's consecutive cues joined (up to a turn's length), empty ones dropped. */
function turnsOf(lines: readonly TranscriptLine[]): TranscriptLine[] {
  const turns: TranscriptLine[] = [];
  for (const line of lines) {
    if (!line.text) continue;
    const previous = turns.at(-1);
    const continues = previous && previous.speaker === line.speaker && line.speaker !== null && previous.text.length + line.text.length < TURN_MAX_CHARS;
    if (continues) turns[turns.length - 1] = { ...previous, text: `${previous.text} ${line.text}` };
    else turns.push(line);
  }
  return turns;
}

/** The transcript in a text (already decoded); no lines when nothing in it reads as what someone said. */
export async function parseTranscript(text: string, fileName: string): Promise<Transcript> {
  const format = formatOf(text);
  const rows = text.split(/\r?\n/).map((row) => row.trim());
  const lines =
    format === 'webvtt' || format === 'srt'
      ? await captionLines(text, format === 'webvtt' ? 'vtt' : 'srt')
      : format === 'meeting-export'
        ? exportLines(rows)
        : speakerLines(rows);
  return { fileName: cleanText(fileName).slice(0, 200) || 'transcript', format, lines: turnsOf(lines) };
}

