import { useEffect, useRef } from 'react';
import { selectAskState, sendAskRequest, useAskStore } from '../../lib/features/ask/store';
import type { Feature, Generation } from '../../lib/features/generate/messages';
import { openOptionsPage, selectFeatureSwitches, selectOffByPolicy, selectOnboarding, useGovernanceStore } from '../../lib/features/governance/store';
import { selectNotesFor, sendNotesRequest, useNotesStore } from '../../lib/features/log-note/store';
import type { ContextPreview as Preview, RecordCard as Card } from '../../lib/features/record-view/messages';
import { selectConnected, usePanelConnection } from '../../lib/panel/feature-bus';
import { chooseTab, loadPlace, markSeen, rememberScroll, selectPlace, selectPlaceLoaded, usePlaceStore } from '../../lib/panel/place';
import { AskSection } from '../ask/AskSection';
import { GenerateSection, type GenerateActions } from '../generate/GenerateSection';
import { LogNoteSection } from '../log-note/LogNoteSection';
import type { Blocker } from '../shared/FeatureBlocker';
import { isOrgRecordUrl } from '../shared/org-links';
import { OverflowTabs } from '../shared/OverflowTabs';
import { recordUrl } from '../shared/review/record-url';
import { ContextPreview } from './ContextPreview';
import { RecordCard } from './RecordCard';
import { badgeOf, isGenerateTab, resultIdOf, SWITCH_OF, TAB_LABELS, tabsFor, type RecordTab } from './record-tabs';
import { t } from '../../lib/i18n';

export interface WorkspaceActions {
  retry(): void;
  showContext(): void;
  closeContext(): void;
}

interface Props {
  card: Card;
  host: string;
  /** The record is being read again. */
  refreshing: boolean;
  preview: Preview | null;
  previewRequested: boolean;
  actions: WorkspaceActions;
  generations: Partial<Record<Feature, Generation>>;
  generateActions: GenerateActions;
}

/** Links the output may carry: the org's own record pages, on the host the rep is browsing. */
function recordLinks(host: string) {
  return {
    recordUrl: (objectName: string, recordId: string) => recordUrl(host, objectName, recordId),
    isOrgRecordUrl: (href: string) => isOrgRecordUrl(host, href),
  };
}

/** Asks for the note's and the question's kept state on every (re)connection and record: their tabs' badges need it. */
function useFeatureStates(recordId: string): void {
  const connected = usePanelConnection(selectConnected);
  useEffect(() => {
    if (!connected) return;
    sendNotesRequest({ type: 'open' });
    sendAskRequest({ type: 'open' });
  }, [connected, recordId]);
}

/** Keeps how far down the rep scrolled in this tab, and takes them back there when they return to it. */
function useScrollPlace(recordId: string, tab: RecordTab, loaded: boolean): void {
  useEffect(() => {
    if (!loaded) return;
    const saved = usePlaceStore.getState().places[recordId]?.scroll[tab] ?? 0;
    const frame = requestAnimationFrame(() => window.scrollTo(0, saved));
    const onScroll = (): void => rememberScroll(recordId, tab, window.scrollY);
    window.addEventListener('scroll', onScroll, { passive: true });
    return () => {
      cancelAnimationFrame(frame);
      window.removeEventListener('scroll', onScroll);
    };
  }, [recordId, tab, loaded]);
}

/**
 * The record in view: its card, "What will be sent", and one tab per feature. The panel remembers per record which
 * tab was open and where the rep was, and each tab's badge tells of work running or a result not yet looked at.
 */
export function RecordWorkspace({ card, host, refreshing, preview, previewRequested, actions, generations, generateActions }: Props) {
  const place = usePlaceStore(selectPlace(card.recordId));
  const loaded = usePlaceStore(selectPlaceLoaded(card.recordId));
  const notes = useNotesStore(selectNotesFor(card.recordId));
  const ask = useAskStore(selectAskState);
  const switches = useGovernanceStore(selectFeatureSwitches);
  const offByPolicy = useGovernanceStore(selectOffByPolicy);
  const onboarding = useGovernanceStore(selectOnboarding);

  useEffect(() => {
    void loadPlace(card.recordId);
  }, [card.recordId]);
  useFeatureStates(card.recordId);

  const tabs = tabsFor(card.objectName, switches, offByPolicy);
  const active: RecordTab = tabs.find((tab) => tab === place.tab) ?? tabs[0] ?? 'summary';
  const states = { generations, notes, ask };
  const shownResult = resultIdOf(active, states);
  useEffect(() => {
    if (loaded && shownResult) markSeen(card.recordId, active, shownResult);
  }, [loaded, card.recordId, active, shownResult]);
  useScrollPlace(card.recordId, active, loaded);
  // A note written to Salesforce (or undone) changed the record: the card reads it again rather than show old values.
  const phase = notes?.phase ?? null;
  const lastPhase = useRef(phase);
  useEffect(() => {
    const from = lastPhase.current;
    lastPhase.current = phase;
    if ((from === 'committing' && phase === 'committed') || (from === 'undoing' && phase === 'undone')) actions.retry();
  }, [phase, actions]);
  // Text the rep sent with "Add to a Salesforce note" joined this record's note: the note is where they are going.
  const added = notes?.added?.at ?? null;
  useEffect(() => {
    if (!loaded || !added || usePlaceStore.getState().places[card.recordId]?.seen['note-added'] === added) return;
    markSeen(card.recordId, 'note-added', added);
    chooseTab(card.recordId, 'note');
  }, [loaded, card.recordId, added]);

  const blockerOf = (tab: RecordTab): Blocker | null => {
    if (offByPolicy.includes(SWITCH_OF[tab])) return { text: t('blocker_offByPolicy', { feature: t(TAB_LABELS[tab].title) }), action: null };
    if (onboarding && !onboarding.keySet) {
      return { text: t('blocker_noKey'), action: { label: t('blocker_openSettings'), onClick: () => openOptionsPage('key') } };
    }
    return null;
  };

  const items = tabs.map((tab) => ({ id: tab, label: t(TAB_LABELS[tab].label), title: t(TAB_LABELS[tab].title), badge: badgeOf(tab, states, place, active), testId: `feature-${tab}` }));
  const links = recordLinks(host);

  return (
    <>
      <RecordCard card={card} onRefresh={actions.retry} refreshing={refreshing} />
      {preview ? (
        <ContextPreview preview={preview} onClose={actions.closeContext} />
      ) : (
        <button type="button" className="slds-button gw-link-button" onClick={actions.showContext} disabled={previewRequested} data-testid="show-context">
          {previewRequested ? t('preview_preparing') : t('preview_title')}
        </button>
      )}
      <OverflowTabs
        items={items}
        active={active}
        label={t('tabs_label')}
        onChoose={(tab) => chooseTab(card.recordId, tab)}
        panel={(tab) => {
          const chosen = tabs.find((candidate) => candidate === tab) ?? active;
          const blocker = blockerOf(chosen);
          if (isGenerateTab(chosen)) {
            return <GenerateSection key={`${card.recordId}:${chosen}`} card={card} feature={chosen} generation={generations[chosen]} actions={generateActions} blocker={blocker} {...links} />;
          }
          if (chosen === 'note') return <LogNoteSection card={card} blocker={blocker} />;
          return <AskSection host={host} record={card} blocker={blocker} />;
        }}
      />
    </>
  );
}
