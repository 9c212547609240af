/**
 * How a cited line is written in a prompt: its id, a space, its text ("r4kq Annual Revenue: $850,000,000"). The model
 * cites a line by its id in square brackets ([r4kq]); the id is written bare at the line's start because the brackets
 * there cost two tokens a line and say nothing the prompt's reading guide does not.
 *
 * An id is a lowercase letter and one to five lowercase letters or digits: "r4kq" for record context, "q12" for a row
 * of a query's results.
 */
const LINE_ID = /^[ \t]*([a-z][a-z0-9]{1,5})[ \t]/gm;

export function citedLine(id: string, text: string): string {
  return `${id} ${text}`;
}

/** The ids that start a context's lines. */
export function lineIdsOf(context: string): Set<string> {
  return new Set([...context.matchAll(LINE_ID)].map((match) => match[1] ?? ''));
}
