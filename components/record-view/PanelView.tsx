import type { ReactNode } from 'react';
import type { ContextPreview as Preview, PanelView as View, RecordCard } from '../../lib/features/record-view/messages';
import type { Feature, Generation } from '../../lib/features/generate/messages';
import type { PanelProblem } from '../../lib/salesforce/problems';
import { AskSection } from '../ask/AskSection';
import type { GenerateActions } from '../generate/GenerateSection';
import { MailReplySection } from '../mail/MailReplySection';
import { FeatureGate } from '../governance/FeatureGate';
import { PendingNote } from '../log-note/PendingNote';
import { MailCard } from '../mail/MailCard';
import { Alert, type AlertAction } from '../shared/Alert';
import { OrgNotEnabled } from './OrgNotEnabled';
import { RecordWorkspace } from './RecordWorkspace';

export interface PanelActions {
  retry(): void;
  reloadTab(): void;
  enableOrg(orgId: string): void;
  showContext(): void;
  closeContext(): void;
}

interface Props {
  view: View;
  /** The record's card kept while the same record reloads or fails to (see the record-view store). */
  keptCard: RecordCard | null;
  preview: Preview | null;
  previewRequested: boolean;
  actions: PanelActions;
  generations: Partial<Record<Feature, Generation>>;
  generateActions: GenerateActions;
}

/** Problems the rep fixes in the Salesforce tab itself: logging in again there. */
const RELOAD_FIXES: ReadonlySet<string> = new Set(['session-expired', 'no-session']);

/** One distinct, labelled state per situation the rep can be in. */
export function PanelView({ view, keptCard, preview, previewRequested, actions, generations, generateActions }: Props) {
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
            <section className="slds-card gw-section" aria-label="Ask about your Salesforce data">
              <AskSection host={view.host} record={null} />
            </section>
          </FeatureGate>
        </>
      );
    case 'org-not-enabled':
      return <OrgNotEnabled org={view.org} onEnable={() => actions.enableOrg(view.org.orgId)} />;
    case 'loading':
    case 'record':
    case 'problem': {
      const card = view.kind === 'record' ? view.card : keptCard;
      const problem = view.kind === 'problem' ? <ProblemAlert problem={view.problem} kept={card !== null} actions={actions} /> : null;
      if (!card) return problem ?? <Skeleton label="Loading the record" />;
      return (
        <>
          {problem}
          {view.kind === 'loading' && (
            <p className="slds-assistive-text" role="status">
              Reading the record again…
            </p>
          )}
          <RecordWorkspace
            card={card}
            host={view.host}
            refreshing={view.kind === 'loading'}
            preview={preview}
            previewRequested={previewRequested}
            actions={actions}
            generations={generations}
            generateActions={generateActions}
          />
        </>
      );
    }
    case 'mail':
      return (
        <>
          <MailCard view={view} />
          <PendingNote />
          <FeatureGate feature="gmail">
            <MailReplySection view={view} />
          </FeatureGate>
        </>
      );
  }
}

/**
 * Salesforce would not give the record: what happened, in words, with the next step. When the record was already on
 * screen it stays there below (as last read), so one failed read never takes the rep's work away.
 */
function ProblemAlert({ problem, kept, actions }: { problem: PanelProblem; kept: boolean; actions: PanelActions }) {
  const steps: AlertAction[] = RELOAD_FIXES.has(problem.kind)
    ? [
        { label: 'Reload the Salesforce tab', onClick: actions.reloadTab, testId: 'reload-salesforce' },
        { label: 'Try again', onClick: actions.retry, testId: 'retry-button' },
      ]
    : [{ label: 'Try again', onClick: actions.retry, testId: 'retry-button' }];
  return (
    <Alert tone="error" title="Groundwork could not read this record" actions={steps} testId="panel-state" data={{ 'data-state': problem.kind }}>
      <p>{problem.message}</p>
      {kept && <p className="slds-text-color_weak">Below is the record as last read.</p>}
    </Alert>
  );
}

function Notice({ state, title, children }: { state: string; title: string; children: ReactNode }) {
  return (
    <section className="slds-card gw-section gw-notice" data-testid="panel-state" data-state={state} role="status" aria-labelledby="gw-notice-title">
      <h2 id="gw-notice-title" className="slds-text-heading_small slds-m-bottom_x-small">
        {title}
      </h2>
      <p>{children}</p>
    </section>
  );
}

function Skeleton({ label }: { label: string }) {
  return (
    <section className="slds-card gw-section gw-skeleton" data-testid="panel-state" data-state="loading" aria-busy="true" aria-label={label}>
      <div className="gw-skeleton__line gw-skeleton__line_short" />
      <div className="gw-skeleton__line" />
      <div className="gw-skeleton__line" />
      <span className="slds-assistive-text">{label}…</span>
    </section>
  );
}
