import type { ReactNode } from 'react';
import type { ContextPreview as Preview, PanelView as View, RecordCard, SignedInUser } from '../../lib/features/record-view/messages';
import type { Feature, Generation } from '../../lib/features/generate/messages';
import { AskSection } from '../ask/AskSection';
import type { GenerateActions } from '../generate/GenerateSection';
import { MailReplySection } from '../mail/MailReplySection';
import { FeatureGate } from '../governance/FeatureGate';
import { PendingNote } from '../log-note/PendingNote';
import { MailCard } from '../mail/MailCard';
import { MailContactSection } from '../mail/MailContactSection';
import { OrgNotEnabled } from './OrgNotEnabled';
import { ProblemAlert } from './ProblemAlert';
import { RecordWorkspace } from './RecordWorkspace';
import { SignedInBar } from './SignedInBar';
import { t } from '../../lib/i18n';

export interface PanelActions {
  retry(): void;
  reloadTab(): void;
  enableOrg(orgId: string): void;
  signIn(): void;
  signOut(): void;
  showContext(): void;
  closeContext(): void;
}

interface Props {
  view: View;
  /** The record's card kept while the same record reloads or fails to (see the record-view store). */
  keptCard: RecordCard | null;
  /** Who Groundwork's own Salesforce sign-in is, while the record in view is read through it (kept while it reloads). */
  signedIn: SignedInUser | null;
  preview: Preview | null;
  previewRequested: boolean;
  actions: PanelActions;
  generations: Partial<Record<Feature, Generation>>;
  generateActions: GenerateActions;
}

/** One distinct, labelled state per situation the rep can be in. */
export function PanelView({ view, keptCard, signedIn, preview, previewRequested, actions, generations, generateActions }: Props) {
  switch (view.kind) {
    case 'starting':
      return <Skeleton label={t('panel_starting')} />;
    case 'not-salesforce':
      return (
        <>
          <Notice state="not-salesforce" title={t('panel_openRecordTitle')}>
            {t('panel_openRecordBody')}
          </Notice>
          <PendingNote />
        </>
      );
    case 'no-record':
      return (
        <>
          <Notice state="no-record" title={t('panel_noRecordTitle')}>
            {t('panel_noRecordBody', { host: view.host })}
          </Notice>
          <PendingNote />
          <FeatureGate feature="ask">
            <section className="slds-card gw-section" aria-label={t('ask_sectionLabel')}>
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
      const problem =
        view.kind === 'problem' ? (
          <ProblemAlert key={`${view.problem.kind}:${view.problem.message}`} problem={view.problem} kept={card !== null} actions={actions} />
        ) : null;
      if (!card) return problem ?? <Skeleton label={t('panel_loadingRecord')} />;
      return (
        <>
          {problem}
          {view.kind !== 'problem' && signedIn && <SignedInBar user={signedIn} onSignOut={actions.signOut} />}
          {view.kind === 'loading' && (
            <p className="slds-assistive-text" role="status">
              {t('panel_readingAgain')}
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
            <MailContactSection view={view} />
            <MailReplySection view={view} />
          </FeatureGate>
        </>
      );
  }
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
      <span className="slds-assistive-text">{t('common_inProgress', { label })}</span>
    </section>
  );
}
