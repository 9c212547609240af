import type { ReactNode } from 'react';
import type { ContextPreview as Preview, PanelView as View } from '../../lib/features/record-view/messages';
import type { Feature, Generation } from '../../lib/features/generate/messages';
import { ContextPreview } from './ContextPreview';
import { AskSection } from '../ask/AskSection';
import { GenerateSection, type GenerateActions } from '../generate/GenerateSection';
import { GmailReplySection } from '../gmail/GmailReplySection';
import { FeatureGate } from '../governance/FeatureGate';
import { LogNoteSection } from '../log-note/LogNoteSection';
import { PendingNote } from '../log-note/PendingNote';
import { GmailCard } from '../gmail/GmailCard';
import { OrgNotEnabled } from './OrgNotEnabled';
import { RecordCard } from './RecordCard';

export interface PanelActions {
  retry(): void;
  enableOrg(orgId: string): void;
  showContext(): void;
  closeContext(): void;
}

interface Props {
  view: View;
  preview: Preview | null;
  previewRequested: boolean;
  actions: PanelActions;
  feature: Feature;
  generations: Partial<Record<Feature, Generation>>;
  generateActions: GenerateActions;
}

/** Links the output may carry: the org's own record pages, on the host the rep is browsing. */
function recordLinks(host: string) {
  return {
    recordUrl: (objectName: string, recordId: string) => `https://${host}/lightning/r/${objectName}/${recordId}/view`,
    isOrgRecordUrl: (href: string) => {
      try {
        const url = new URL(href);
        return url.protocol === 'https:' && url.hostname === host && url.pathname.startsWith('/lightning/r/');
      } catch {
        return false;
      }
    },
  };
}

/** One distinct, labelled state per situation the rep can be in. */
export function PanelView({ view, preview, previewRequested, actions, feature, generations, generateActions }: Props) {
  switch (view.kind) {
    case 'starting':
      return <Skeleton label="Starting Groundwork" />;
    case 'not-salesforce':
      return (
        <>
          <Notice state="not-salesforce" title="Open a Salesforce record">
            Groundwork works beside Salesforce. Open an Account, Contact, Lead, Opportunity or Case in this window.
          </Notice>
          <PendingNote />
        </>
      );
    case 'no-record':
      return (
        <>
          <Notice state="no-record" title="No record on this page">
            Open a record in Salesforce ({view.host}) and Groundwork will show it here.
          </Notice>
          <PendingNote />
          <FeatureGate feature="ask">
            <AskSection host={view.host} record={null} />
          </FeatureGate>
        </>
      );
    case 'org-not-enabled':
      return <OrgNotEnabled org={view.org} onEnable={() => actions.enableOrg(view.org.orgId)} />;
    case 'loading':
      return <Skeleton label="Loading the record" />;
    case 'record':
      return (
        <>
          <RecordCard card={view.card} />
          {preview ? (
            <ContextPreview preview={preview} onClose={actions.closeContext} />
          ) : (
            <button
              type="button"
              className="slds-button slds-button_neutral slds-m-top_small"
              onClick={actions.showContext}
              disabled={previewRequested}
              data-testid="show-context"
            >
              {previewRequested ? 'Preparing…' : 'What will be sent'}
            </button>
          )}
          <GenerateSection card={view.card} feature={feature} generations={generations} actions={generateActions} {...recordLinks(view.host)} />
          <FeatureGate feature="logNote">
            <LogNoteSection card={view.card} />
          </FeatureGate>
          <FeatureGate feature="ask">
            <AskSection host={view.host} record={view.card} />
          </FeatureGate>
        </>
      );
    case 'gmail':
      return (
        <>
          <GmailCard view={view} />
          <PendingNote />
          <FeatureGate feature="gmail">
            <GmailReplySection view={view} />
          </FeatureGate>
        </>
      );
    case 'problem':
      return (
        <Notice state={view.problem.kind} title="Groundwork could not read this record" tone="error">
          <p>{view.problem.message}</p>
          <button type="button" className="slds-button slds-button_neutral slds-m-top_small" onClick={actions.retry} data-testid="retry-button">
            Retry
          </button>
        </Notice>
      );
  }
}

function Notice({ state, title, tone = 'info', children }: { state: string; title: string; tone?: 'info' | 'error'; children: ReactNode }) {
  return (
    <section
      className={`slds-box slds-theme_default gw-notice gw-notice_${tone}`}
      data-testid="panel-state"
      data-state={state}
      role={tone === 'error' ? 'alert' : 'status'}
      aria-labelledby="gw-notice-title"
    >
      <h2 id="gw-notice-title" className="slds-text-heading_small slds-m-bottom_x-small">
        {title}
      </h2>
      <div className="slds-text-body_regular">{children}</div>
    </section>
  );
}

function Skeleton({ label }: { label: string }) {
  return (
    <section className="slds-box gw-skeleton" data-testid="panel-state" data-state="loading" aria-busy="true" aria-label={label}>
      <div className="gw-skeleton__line gw-skeleton__line_short" />
      <div className="gw-skeleton__line" />
      <div className="gw-skeleton__line" />
      <span className="slds-assistive-text">{label}…</span>
    </section>
  );
}
