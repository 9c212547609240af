import { useLayoutEffect, useRef, useState } from 'react';

/**
 * One line of text that ends in "…" when it does not fit: the whole value shows on hover (title) and, when it was cut,
 * on keyboard focus (the line unfolds); screen readers always read it whole.
 */
export function TruncatedText({ text, className, testId }: { text: string; className?: string; testId?: string }) {
  const node = useRef<HTMLSpanElement>(null);
  const [cut, setCut] = useState(false);
  useLayoutEffect(() => {
    const element = node.current;
    if (!element) return;
    const measure = (): void => setCut(element.scrollWidth > element.clientWidth + 1);
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, [text]);
  return (
    <span ref={node} className={className ? `gw-truncate ${className}` : 'gw-truncate'} title={text} tabIndex={cut ? 0 : undefined} data-testid={testId} data-truncated={cut}>
      {text}
    </span>
  );
}
