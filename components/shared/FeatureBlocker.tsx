import { Alert } from './Alert';

/** Why the rep cannot use a feature yet (no key, turned off by the organization), and where to fix it if they can. */
export interface Blocker {
  text: string;
  action: { label: string; onClick(): void } | null;
}

export function BlockerAlert({ blocker }: { blocker: Blocker }) {
  const { action } = blocker;
  return (
    <Alert tone="warning" testId="feature-blocked" actions={action ? [{ label: action.label, onClick: action.onClick, testId: 'feature-blocked-fix' }] : []}>
      {blocker.text}
    </Alert>
  );
}
