import { useCallback } from 'react';
import type { KeyValueStore } from '../../lib/browser';
import { ENABLED_ORGS_KEY } from '../../lib/features/governance/keys';
import { disableOrg, listEnabledOrgs, type EnabledOrg } from '../../lib/features/governance/orgs';
import { orgAllowed } from '../../lib/settings';
import { Section } from './fields';
import { useStored } from './use-stored';
import { formatDate, t } from '../../lib/i18n';

/** The orgs Groundwork reads from; disabling one takes effect at once (the panel asks again next time). */
export function OrgsSection({ local, allowedOrgIds }: { local: KeyValueStore; allowedOrgIds: readonly string[] | null }) {
  const { value: orgs, reload } = useStored<EnabledOrg[]>(ENABLED_ORGS_KEY, useCallback(() => listEnabledOrgs(local), [local]));

  return (
    <Section title={t('orgs_title')} id="gw-section-orgs">
      {allowedOrgIds && <p className="slds-text-body_small slds-m-bottom_small">{t('orgs_allowedOnly', { orgs: allowedOrgIds.join(', ') })}</p>}
      {orgs !== null && orgs.length === 0 && <p data-testid="no-orgs">{t('orgs_none')}</p>}
      {orgs !== null && orgs.length > 0 && (
        <ul>
          {orgs.map((org) => (
            <li key={org.orgId} className="slds-grid slds-grid_vertical-align-center slds-m-bottom_x-small" data-testid="org-row" data-org-id={org.orgId}>
              <span className="slds-col">
                <strong>{org.apiHost}</strong> <span className="slds-text-body_small">{t('orgs_enabledOn', { orgId: org.orgId, date: formatDate(org.enabledAt, { dateStyle: 'medium' }) })}</span>
                {!orgAllowed({ allowedOrgIds }, org.orgId) && <span className="slds-text-color_error"> {t('orgs_notAllowed')}</span>}
              </span>
              <button type="button" className="slds-button slds-button_neutral" onClick={() => void disableOrg(local, org.orgId).then(reload)} data-testid="disable-org">
                {t('orgs_disable')}
                <span className="slds-assistive-text"> {org.apiHost}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}
