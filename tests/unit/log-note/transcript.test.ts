import { describe, expect, it } from 'vitest';
import { clockOf, renderTranscript, speakersOf } from '../../../lib/features/log-note/transcript';
import { parseTranscript, secondsOf } from '../../../lib/features/log-note/transcript-parse';
import { readTranscriptFile, TRANSCRIPT_MAX_BYTES } from '../../../lib/features/log-note/transcript-file';

const TEAMS_VTT = `WEBVTT

a1b2/12-0
00:00:03.120 --> 00:00:06.400
<v Dana Whitfield>Thanks for making time. Our budget is $480,000 for year one.</v>

a1b2/13-0
00:04:12.000 --> 00:04:15.500
<v Sam Ortiz>Understood. I'll send the revised quote by Friday.</v>

a1b2/13-1
00:04:15.500 --> 00:04:18.000
<v Sam Ortiz>And a security review deck.</v>
`;

const ZOOM_VTT = `WEBVTT

1
00:00:01.000 --> 00:00:02.000
Dana Whitfield: Hello everyone.

2
00:00:02.500 --> 00:00:04.000
Sam Ortiz: Hi Dana.
`;

const SRT = `1
00:00:01,000 --> 00:00:03,000
Dana Whitfield: We sign in December.

2
00:01:05,250 --> 00:01:07,000
Sam Ortiz: Great news.
`;

const bytes = (text: string): Uint8Array => new TextEncoder().encode(text);

describe('reading call transcripts', () => {
  it('reads WebVTT voice tags as speakers, keeps each turn’s start time and joins a speaker’s consecutive cues', async () => {
    const transcript = await parseTranscript(TEAMS_VTT, 'call.vtt');
    expect(transcript.format).toBe('webvtt');
    expect(transcript.lines).toEqual([
      { at: 3.12, speaker: 'Dana Whitfield', text: 'Thanks for making time. Our budget is $480,000 for year one.' },
      { at: 252, speaker: 'Sam Ortiz', text: "Understood. I'll send the revised quote by Friday. And a security review deck." },
    ]);
    expect(speakersOf(transcript)).toEqual(['Dana Whitfield', 'Sam Ortiz']);
    expect(renderTranscript(transcript).text).toBe(
      "[0:03] Dana Whitfield: Thanks for making time. Our budget is $480,000 for year one.\n[4:12] Sam Ortiz: Understood. I'll send the revised quote by Friday. And a security review deck.",
    );
  });

  it('reads a speaker written before the words in WebVTT (Zoom) and SRT cues', async () => {
    expect((await parseTranscript(ZOOM_VTT, 'zoom.vtt')).lines.map((line) => line.speaker)).toEqual(['Dana Whitfield', 'Sam Ortiz']);
    const srt = await parseTranscript(SRT, 'call.srt');
    expect(srt.format).toBe('srt');
    expect(srt.lines).toEqual([
      { at: 1, speaker: 'Dana Whitfield', text: 'We sign in December.' },
      { at: 65.25, speaker: 'Sam Ortiz', text: 'Great news.' },
    ]);
  });

  it('reads "Speaker: words" lines, with or without a time before them, and joins a line without a speaker to the turn before', async () => {
    const transcript = await parseTranscript('[00:00:05] Dana: We need SSO.\nIt is a must.\n00:01:10 Sam: Noted.\nRosa Diaz: Agreed.', 'notes.txt');
    expect(transcript.format).toBe('speaker-lines');
    expect(transcript.lines).toEqual([
      { at: 5, speaker: 'Dana', text: 'We need SSO. It is a must.' },
      { at: 70, speaker: 'Sam', text: 'Noted.' },
      { at: null, speaker: 'Rosa Diaz', text: 'Agreed.' },
    ]);
  });

  it('does not take prose before a colon for a speaker', async () => {
    const transcript = await parseTranscript('Note to self, important: call back. \nSee https://example.com/x', 'n.txt');
    expect(transcript.lines.map((line) => line.speaker)).toEqual([null]);
  });

  it('reads the text exports of Teams and Otter ("Name  0:04") and of Zoom ("[Name] 10:02:03")', async () => {
    const teams = await parseTranscript('Dana Whitfield   0:03\nOur budget is $480,000.\n\nSam Ortiz   4:12\nI will send the quote.\nBy Friday.', 'meeting.txt');
    expect(teams.format).toBe('meeting-export');
    expect(teams.lines).toEqual([
      { at: 3, speaker: 'Dana Whitfield', text: 'Our budget is $480,000.' },
      { at: 252, speaker: 'Sam Ortiz', text: 'I will send the quote. By Friday.' },
    ]);
    const zoom = await parseTranscript('[Dana Whitfield] 10:02:03\nHello.\n[Sam Ortiz] 10:02:09\nHi.', 'zoom.txt');
    expect(zoom.lines).toEqual([
      { at: 36123, speaker: 'Dana Whitfield', text: 'Hello.' },
      { at: 36129, speaker: 'Sam Ortiz', text: 'Hi.' },
    ]);
  });

  it('strips characters that could mislead a reader: controls, bidirectional overrides, zero-width marks', async () => {
    const transcript = await parseTranscript('Dana\u202e Whitfield: pay \u200bthe\u0007 invoice\u2066 now', 'x.txt');
    expect(transcript.lines).toEqual([{ at: null, speaker: 'Dana Whitfield', text: 'pay the invoice now' }]);
  });

  it('writes and reads call times', () => {
    expect([clockOf(3.9), clockOf(252), clockOf(3723)]).toEqual(['0:03', '4:12', '1:02:03']);
    expect([secondsOf('0:04'), secondsOf('01:02:03.500'), secondsOf('1:75'), secondsOf('soon')]).toEqual([4, 3723, null, null]);
  });
});

describe('checking a transcript file before anything is sent', () => {
  it('accepts UTF-8, and UTF-16 with its byte order mark', async () => {
    expect(await readTranscriptFile('call.vtt', bytes(TEAMS_VTT))).toMatchObject({ transcript: { format: 'webvtt' } });
    const utf16 = new Uint8Array([0xff, 0xfe, ...Array.from('Dana: Hallo Grüße').flatMap((char) => [char.charCodeAt(0), 0])]);
    expect(await readTranscriptFile('call.txt', utf16)).toMatchObject({ transcript: { lines: [{ speaker: 'Dana', text: 'Hallo Grüße' }] } });
  });

  it('refuses an empty file, a binary file, text in another encoding, a file over the limit and a file with nothing said, each saying why', async () => {
    const problem = async (name: string, content: Uint8Array): Promise<string> => {
      const result = await readTranscriptFile(name, content);
      return 'problem' in result ? result.problem : 'accepted';
    };
    expect(await problem('empty.vtt', new Uint8Array())).toMatch(/“empty.vtt” is empty/);
    expect(await problem('blank.txt', bytes(' \n\n '))).toMatch(/holds no text/);
    expect(await problem('call.m4a', new Uint8Array([0, 0, 0, 0x20, 0x66, 0x74, 0x79, 0x70]))).toMatch(/not a text file/);
    expect(await problem('latin1.txt', new Uint8Array([0x44, 0x61, 0x6e, 0x61, 0x3a, 0x20, 0x47, 0x72, 0xfc, 0xdf, 0x65]))).toMatch(/not UTF-8 text.*Save it as UTF-8/);
    expect(await problem('huge.vtt', new Uint8Array(10 * 1_000_000).fill(0x61))).toMatch(/is 10\.0 MB; a transcript file can be at most 1\.0 MB/);
    expect(await problem('bad.vtt', bytes('WEBVTT\n\nnot a cue at all\n'))).toMatch(/found nothing said/);
    expect(TRANSCRIPT_MAX_BYTES).toBe(1_000_000);
  });
});
