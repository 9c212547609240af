import Markdown, { type Components } from 'react-markdown';
import type { Citation, Claim } from '../../lib/context/checked-output';
import { rehypeClaims } from './rehype-claims';
import { t } from '../../lib/i18n';

interface Props {
  text: string;
  citations: readonly Citation[];
  claims: readonly Claim[];
  /** The org's own record page for an id; the only links the output may carry. */
  recordUrl(objectName: string, recordId: string): string;
  isOrgRecordUrl(href: string): boolean;
}

const CITATION = /\[([a-z][a-z0-9]{1,5})\]/g;

/**
 * The model's markdown as sanitized HTML: no raw HTML (react-markdown renders it as text), no images, links only to the
 * org's record pages; cited line ids become small links to their source with the line on hover.
 */
export function SafeMarkdown({ text, citations, claims, recordUrl, isOrgRecordUrl }: Props) {
  const byId = new Map(citations.map((citation) => [citation.id, citation]));
  const linked = text.replace(CITATION, (whole, id: string) => (byId.has(id) ? `[${id}](#cite-${id})` : whole));
  const components: Components = {
    a({ href, children }) {
      const cited = href?.startsWith('#cite-') ? byId.get(href.slice('#cite-'.length)) : undefined;
      if (cited) {
        return (
          <a
            className="gw-citation"
            href={recordUrl(cited.objectName, cited.recordId)}
            target="_blank"
            rel="noreferrer"
            title={cited.text}
            aria-label={t('citation_label', { line: cited.id, source: cited.text })}
            data-testid="citation"
            data-line={cited.id}
          >
            {cited.id}
          </a>
        );
      }
      if (href && isOrgRecordUrl(href)) {
        return (
          <a href={href} target="_blank" rel="noreferrer">
            {children}
          </a>
        );
      }
      return <span>{children}</span>;
    },
  };
  return (
    <div className="gw-markdown slds-text-longform" data-testid="generation-text">
      <Markdown components={components} disallowedElements={['img']} unwrapDisallowed skipHtml rehypePlugins={[rehypeClaims(claims)]}>
        {linked}
      </Markdown>
    </div>
  );
}
