import type { OrgIdentity } from '../../lib/orgs';
import { t } from '../../lib/i18n';
import { RichMessage } from '../shared/RichMessage';

/** Asked once per org: nothing is read from an org before the rep says yes here. */
export function OrgNotEnabled({ org, onEnable }: { org: OrgIdentity; onEnable(): void }) {
  const name = org.apiHost.split('.')[0] ?? org.apiHost;
  return (
    <section className="slds-box slds-theme_default" data-testid="panel-state" data-state="org-not-enabled" aria-labelledby="gw-enable-title">
      <h2 id="gw-enable-title" className="slds-text-heading_small slds-m-bottom_x-small">
        {t('orgEnable_title')}
      </h2>
      <p>
        <RichMessage
          text={t('orgEnable_body')}
          parts={{
            name: <strong data-testid="org-name">{name}</strong>,
            host: <span data-testid="org-host">{org.apiHost}</span>,
            orgId: <span data-testid="org-id">{org.orgId}</span>,
          }}
        />
      </p>
      <button type="button" className="slds-button slds-button_brand slds-m-top_small" onClick={onEnable} data-testid="enable-org">
        {t('orgEnable_button', { name })}
      </button>
    </section>
  );
}
