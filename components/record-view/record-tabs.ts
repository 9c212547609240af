/**
 * The tabs of the record workspace: which features a record offers, and what each tab's badge says (work running, a
 * result the rep has not looked at, a problem). Plain functions of the stores' states, so they are tested alone.
 */
import type { AskState } from '../../lib/features/ask/messages';
import type { Feature, Generation } from '../../lib/features/generate/messages';
import type { NotesState } from '../../lib/features/log-note/messages';
import type { RecordPlace } from '../../lib/panel/place';
import type { FeatureKey } from '../../lib/settings/schema';
import type { TabBadge } from '../shared/OverflowTabs';
import type { MessageKey } from '../../lib/i18n';

export const RECORD_TABS = ['summary', 'brief', 'insights', 'email', 'note', 'ask'] as const;
export type RecordTab = (typeof RECORD_TABS)[number];

/** Each tab's short label and its full name (the tooltip, and how a policy notice names it), as messages. */
export const TAB_LABELS: Record<RecordTab, { label: MessageKey; title: MessageKey }> = {
  summary: { label: 'tab_summary', title: 'tab_summaryTitle' },
  brief: { label: 'tab_brief', title: 'tab_briefTitle' },
  insights: { label: 'tab_insights', title: 'tab_insightsTitle' },
  email: { label: 'tab_email', title: 'tab_emailTitle' },
  note: { label: 'tab_note', title: 'tab_noteTitle' },
  ask: { label: 'tab_ask', title: 'ask_sectionLabel' },
};

/** The settings switch behind each tab. */
export const SWITCH_OF: Record<RecordTab, FeatureKey> = {
  summary: 'summary',
  brief: 'brief',
  insights: 'insights',
  email: 'email',
  note: 'logNote',
  ask: 'ask',
};

export const isGenerateTab = (tab: RecordTab): tab is Feature => tab === 'summary' || tab === 'brief' || tab === 'insights' || tab === 'email';

/**
 * The tabs a record offers: deal insights only on an opportunity; a feature switched off by the rep is left out, one
 * the organization switched off stays (to say so); one it removed is gone.
 */
export function tabsFor(objectName: string, switches: Partial<Record<FeatureKey, boolean>> | null, offByPolicy: readonly FeatureKey[]): RecordTab[] {
  return RECORD_TABS.filter((tab) => {
    if (tab === 'insights' && objectName !== 'Opportunity') return false;
    const key = SWITCH_OF[tab];
    return (switches?.[key] ?? true) || offByPolicy.includes(key);
  });
}

export interface FeatureStates {
  generations: Partial<Record<Feature, Generation>>;
  notes: NotesState | null;
  ask: AskState | null;
}

/** What the result shown in a tab is, for "seen": a generation's id, the note's phase, a question's id. */
export function resultIdOf(tab: RecordTab, states: FeatureStates): string | null {
  if (isGenerateTab(tab)) {
    const generation = states.generations[tab];
    return generation && generation.status !== 'streaming' ? `${generation.id}:${generation.status}` : null;
  }
  if (tab === 'note') return states.notes && states.notes.phase !== 'draft' ? states.notes.phase : null;
  return states.ask && states.ask.phase !== 'planning' && states.ask.phase !== 'running' ? `${states.ask.id}:${states.ask.phase}` : null;
}

function running(tab: RecordTab, states: FeatureStates): boolean {
  if (isGenerateTab(tab)) return states.generations[tab]?.status === 'streaming';
  if (tab === 'note') return states.notes?.phase === 'proposing' || states.notes?.phase === 'committing' || states.notes?.phase === 'undoing';
  return states.ask?.phase === 'planning' || states.ask?.phase === 'running' || states.ask?.summary?.status === 'streaming';
}

function failed(tab: RecordTab, states: FeatureStates): boolean {
  if (isGenerateTab(tab)) return states.generations[tab]?.status === 'failed';
  if (tab === 'note') return Boolean(states.notes?.problem);
  return states.ask?.phase === 'failed' || states.ask?.phase === 'refused';
}

/** A tab's badge: running work always shows; a result or a problem shows until the rep has looked at it. */
export function badgeOf(tab: RecordTab, states: FeatureStates, place: RecordPlace, active: RecordTab): TabBadge {
  if (running(tab, states)) return 'running';
  const result = resultIdOf(tab, states);
  if (tab === active || result === null || place.seen[tab] === result) return null;
  return failed(tab, states) ? 'problem' : 'new';
}
