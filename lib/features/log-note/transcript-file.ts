/**
 * A transcript file the rep dropped or picked, checked before anything leaves the panel: its size, that it is text
 * (not a recording or a document), its encoding (UTF-8, or UTF-16 with a byte order mark, as some exports write), and
 * that it holds lines someone said. Each refusal says what is wrong and what to do; nothing is sent to the model.
 */
import { renderTranscript } from './transcript';
import { parseTranscript } from './transcript-parse';
import { TRANSCRIPT_MAX_CHARS, TRANSCRIPT_MAX_LINES, type Transcript } from './messages';
import { formatNumber, t } from '../../i18n';

/** A two-hour call exported as WebVTT is about 250 kB; a file over this is not a transcript or not one call. */
export const TRANSCRIPT_MAX_BYTES = 1_000_000;

export type TranscriptFileResult = { transcript: Transcript } | { problem: string };

const exportHint = (): string => t('transcriptFile_exportHint');

const megabytes = (bytes: number): string => `${formatNumber(bytes / 1_000_000, { minimumFractionDigits: 1, maximumFractionDigits: 1 })} MB`;

type Decoded = { text: string } | { problem: string };

/** The file's text: by its byte order mark, else as UTF-8, refusing binary content and other encodings. */
function decode(name: string, bytes: Uint8Array): Decoded {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)) };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)) };
  if (bytes.subarray(0, 8_192).includes(0)) {
    return { problem: `${t('transcriptFile_notText', { name })} ${exportHint()}` };
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes) };
  } catch {
    return { problem: t('transcriptFile_notUtf8', { name }) };
  }
}

export async function readTranscriptFile(name: string, bytes: Uint8Array): Promise<TranscriptFileResult> {
  if (bytes.length === 0) return { problem: `${t('transcriptFile_empty', { name })} ${exportHint()}` };
  if (bytes.length > TRANSCRIPT_MAX_BYTES) {
    return { problem: t('transcriptFile_tooBig', { name, size: megabytes(bytes.length), max: megabytes(TRANSCRIPT_MAX_BYTES) }) };
  }
  const decoded = decode(name, bytes);
  if ('problem' in decoded) return decoded;
  if (!decoded.text.trim()) return { problem: `${t('transcriptFile_noText', { name })} ${exportHint()}` };
  const transcript = await parseTranscript(decoded.text, name).catch(() => null);
  if (!transcript || transcript.lines.length === 0) {
    return { problem: t('transcriptFile_nothingSaid', { name }) };
  }
  if (transcript.lines.length > TRANSCRIPT_MAX_LINES || renderTranscript(transcript).text.length > TRANSCRIPT_MAX_CHARS) {
    return { problem: t('transcriptFile_tooLong', { name }) };
  }
  return { transcript };
}
