/**
 * Token estimates, without shipping a tokenizer. Claude's tokenizer gives about one token per short English word and
 * splits long words, digit runs and punctuation into more pieces; the estimate follows that shape and errs on the high
 * side, so a text that fits the estimate fits the real budget:
 * - a run of letters: one token per 5 letters (rounded up), so "the" is 1 and "AnnualRevenue" is 3;
 * - a run of digits: one token per 3 digits (rounded up);
 * - any other visible character (punctuation, symbols, non-Latin letters): 1 token each;
 * - whitespace: free when it is one space or tab (it merges into the next token), 1 token for a run holding a newline
 *   or several spaces (indentation).
 * On compact prose it lands near characters / 4, the figure the sandbox's Messages API reports; on JSON, whose quotes,
 * braces and indentation are tokens of their own, it is higher, as the real tokenizer is.
 */
const PIECES = /[A-Za-z]+|\d+|\s+|[^\sA-Za-z\d]/gu;

export function estimateTokens(text: string): number {
  let tokens = 0;
  for (const [piece] of text.matchAll(PIECES)) {
    tokens += pieceTokens(piece);
  }
  return tokens;
}

function pieceTokens(piece: string): number {
  const first = piece.charCodeAt(0);
  if (isLetter(first)) return Math.ceil(piece.length / 5);
  if (first >= 48 && first <= 57) return Math.ceil(piece.length / 3);
  if (/^\s/u.test(piece)) return piece === ' ' || piece === '\t' ? 0 : 1;
  return 1;
}

function isLetter(code: number): boolean {
  return (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
}
