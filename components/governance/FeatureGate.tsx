import type { ReactNode } from 'react';
import { selectFeatureVisible, useGovernanceStore } from '../../lib/features/governance/store';
import type { FeatureKey } from '../../lib/settings/schema';

/** Shows a feature's part of the panel only while the feature is on and the organization's policy allows it. */
export function FeatureGate({ feature, children }: { feature: FeatureKey; children: ReactNode }) {
  const visible = useGovernanceStore(selectFeatureVisible(feature));
  return visible ? <>{children}</> : null;
}
