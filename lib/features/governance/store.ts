import { create } from 'zustand';
import { onLocalChange, onPolicyChange, openOptionsPage as openOptions } from '../../browser';
import { onFeatureEvent, sendFeatureRequest } from '../../panel/feature-bus';
import { SETTINGS_KEY } from '../../settings';
import type { FeatureKey } from '../../settings/schema';
import { ENABLED_ORGS_KEY, KEY_CHECK_KEY } from './keys';
import { ORG_AUDIT_STATE_KEY } from './org-audit/sink';
import type { GovernanceEvent, GovernanceRequest, OnboardingStatus } from './messages';

/** The governance slice: the first-run checklist, which features the panel shows, and the budget's word. */
export interface GovernanceState {
  status: GovernanceEvent | null;
  receive(status: GovernanceEvent): void;
}

export const useGovernanceStore = create<GovernanceState>()((set) => ({
  status: null,
  receive: (status) => set({ status }),
}));

export const resetGovernanceStore = (): void => useGovernanceStore.setState({ status: null });

export const selectOnboarding = (state: GovernanceState): OnboardingStatus | null => state.status?.onboarding ?? null;
export const selectBudgetMessage = (state: GovernanceState): string | null => state.status?.budgetMessage ?? null;
export const selectOrgAuditNotice = (state: GovernanceState): string | null => state.status?.orgAuditNotice ?? null;
/** Until the background has answered, every feature shows (a policy still refuses its messages in the background). */
export const selectFeatureVisible =
  (feature: FeatureKey) =>
  (state: GovernanceState): boolean =>
    state.status?.features[feature] ?? true;

const NONE: readonly FeatureKey[] = [];
/** Features the organization's policy switched off, which the panel shows turned off. */
export const selectOffByPolicy = (state: GovernanceState): readonly FeatureKey[] => state.status?.offByPolicy ?? NONE;

/** Which features are on, as the background last said (null until it has). */
export const selectFeatureSwitches = (state: GovernanceState): Partial<Record<FeatureKey, boolean>> | null => state.status?.features ?? null;

export function requestGovernance(request: GovernanceRequest): void {
  sendFeatureRequest('governance', request);
}

/** Storage the status depends on: a change to any of these (in the options page, or by policy) refreshes it. */
const WATCHED_LOCAL_KEYS = [SETTINGS_KEY, ENABLED_ORGS_KEY, KEY_CHECK_KEY, ORG_AUDIT_STATE_KEY];

/**
 * Receives the background's governance status and asks for it again whenever settings, enabled orgs, the key check
 * or the managed policy change, so a switch flipped in the options page shows in the panel without a reload.
 */
export function watchGovernance(): () => void {
  const stopEvents = onFeatureEvent('governance', (status) => useGovernanceStore.getState().receive(status));
  const refresh = (): void => requestGovernance({ type: 'status' });
  const stopLocal = onLocalChange(WATCHED_LOCAL_KEYS, refresh);
  const stopPolicy = onPolicyChange(refresh);
  return () => {
    stopEvents();
    stopLocal();
    stopPolicy();
  };
}

/** Opens Groundwork's settings, at the section where the rep fixes what the panel told them about. */
export function openOptionsPage(section?: string): void {
  void openOptions(section);
}
