import { lazy, Suspense, type ComponentProps } from 'react';
import type { SafeMarkdown } from './SafeMarkdown';

type Props = ComponentProps<typeof SafeMarkdown>;

/**
 * The Markdown renderer (react-markdown and its parser, about a fifth of the panel's script) is loaded apart from the
 * panel's first paint, and fetched as soon as the panel is idle, so an answer is rendered by the time one arrives.
 * Until then the text shows as it came, in the same place.
 */
const load = () => import('./SafeMarkdown');
const Renderer = lazy(() => load().then((module) => ({ default: module.SafeMarkdown })));

if (typeof requestIdleCallback === 'function') requestIdleCallback(() => void load());

export function LazyMarkdown(props: Props) {
  return (
    <Suspense
      fallback={
        <div className="gw-markdown slds-text-longform" data-testid="generation-text">
          {props.text}
        </div>
      }
    >
      <Renderer {...props} />
    </Suspense>
  );
}
