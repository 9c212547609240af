import { Fragment, type ReactNode } from 'react';

/**
 * A translated message with markup inside it: `{name}` placeholders that `t()` left open are replaced by the given
 * nodes, so each language places the bold name or the link where its grammar wants it.
 */
export function RichMessage({ text, parts }: { text: string; parts: Record<string, ReactNode> }) {
  const pieces = text.split(/\{(\w+)\}/g);
  return (
    <>
      {pieces.map((piece, index) => (
        <Fragment key={index}>{index % 2 === 1 ? (piece in parts ? parts[piece] : `{${piece}}`) : piece}</Fragment>
      ))}
    </>
  );
}
