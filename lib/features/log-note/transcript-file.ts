/**
 * A transcript file the rep dropped or picked, checked before anything leaves the panel: its size, that it is text
 * (not a recording or a document), its encoding (UTF-8, or UTF-16 with a byte order mark, as some exports write), and
 * that it holds lines someone said. Each refusal says what is wrong and what to do; nothing is sent to the model.
 */
import { renderTranscript } from './transcript';
import { parseTranscript } from './transcript-parse';
import { TRANSCRIPT_MAX_CHARS, TRANSCRIPT_MAX_LINES, type Transcript } from './messages';

/** A two-hour call exported as WebVTT is about 250 kB; a file over this is not a transcript or not one call. */
export const TRANSCRIPT_MAX_BYTES = 1_000_000;

export type TranscriptFileResult = { transcript: Transcript } | { problem: string };

const EXPORT_HINT = 'Export the transcript from your meeting tool as a VTT, SRT or text file.';

const megabytes = (bytes: number): string => `${(bytes / 1_000_000).toFixed(1)} MB`;

type Decoded = { text: string } | { problem: string };

/** The file's text: by its byte order mark, else as UTF-8, refusing binary content and other encodings. */
function decode(name: string, bytes: Uint8Array): Decoded {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)) };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)) };
  if (bytes.subarray(0, 8_192).includes(0)) {
    return { problem: `“${name}” is not a text file (it looks like a recording, a document or an archive). ${EXPORT_HINT}` };
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes) };
  } catch {
    return { problem: `“${name}” is not UTF-8 text, so Groundwork cannot read it reliably. Save it as UTF-8 (most meeting tools and editors offer it) and add it again.` };
  }
}

export async function readTranscriptFile(name: string, bytes: Uint8Array): Promise<TranscriptFileResult> {
  if (bytes.length === 0) return { problem: `“${name}” is empty. ${EXPORT_HINT}` };
  if (bytes.length > TRANSCRIPT_MAX_BYTES) {
    return { problem: `“${name}” is ${megabytes(bytes.length)}; a transcript file can be at most ${megabytes(TRANSCRIPT_MAX_BYTES)}. Add the transcript of one call, as text.` };
  }
  const decoded = decode(name, bytes);
  if ('problem' in decoded) return decoded;
  if (!decoded.text.trim()) return { problem: `“${name}” holds no text. ${EXPORT_HINT}` };
  const transcript = await parseTranscript(decoded.text, name).catch(() => null);
  if (!transcript || transcript.lines.length === 0) {
    return { problem: `Groundwork found nothing said in “${name}”: it reads WebVTT, SRT, “Speaker: words” lines and the text exports of Teams, Zoom and Otter.` };
  }
  if (transcript.lines.length > TRANSCRIPT_MAX_LINES || renderTranscript(transcript).text.length > TRANSCRIPT_MAX_CHARS) {
    return { problem: `“${name}” is longer than Groundwork reads at once (about three hours of conversation). Split it and add one part at a time.` };
  }
  return { transcript };
}
