import { requestGovernance, selectOrgAuditNotice, useGovernanceStore } from '../../lib/features/governance/store';
import { t } from '../../lib/i18n';

/**
 * Said once: the org does not accept this rep's audit events (the object is not deployed there, or the rep lacks the
 * permission set). Nothing else is blocked; dismissing it keeps it away until the org refuses anew.
 */
export function OrgAuditNotice() {
  const notice = useGovernanceStore(selectOrgAuditNotice);
  if (!notice) return null;
  return (
    <div className="slds-notify slds-notify_alert slds-alert_warning slds-m-bottom_small gw-org-audit-notice" role="status" data-testid="org-audit-notice">
      <h2 className="slds-assistive-text">{t('orgAuditNotice_title')}</h2>
      <p className="slds-text-align_left">{notice}</p>
      <button type="button" className="slds-button slds-button_neutral slds-m-left_small" onClick={() => requestGovernance({ type: 'dismiss-org-audit-notice' })} data-testid="org-audit-notice-dismiss">
        {t('orgAuditNotice_dismiss')}
      </button>
    </div>
  );
}
