import type { OrgIdentity } from '../../lib/orgs';

/** Asked once per org: nothing is read from an org before the rep says yes here. */
export function OrgNotEnabled({ org, onEnable }: { org: OrgIdentity; onEnable(): void }) {
  const name = org.apiHost.split('.')[0] ?? org.apiHost;
  return (
    <section className="slds-box slds-theme_default" data-testid="panel-state" data-state="org-not-enabled" aria-labelledby="gw-enable-title">
      <h2 id="gw-enable-title" className="slds-text-heading_small slds-m-bottom_x-small">
        Use Groundwork in this org?
      </h2>
      <p>
        Groundwork has not been used with <strong data-testid="org-name">{name}</strong> (
        <span data-testid="org-host">{org.apiHost}</span>, org id <span data-testid="org-id">{org.orgId}</span>) yet. Once
        enabled, it reads the records you open here with your own Salesforce session and permissions. Nothing has been
        read from this org so far.
      </p>
      <button type="button" className="slds-button slds-button_brand slds-m-top_small" onClick={onEnable} data-testid="enable-org">
        Enable Groundwork for {name}
      </button>
    </section>
  );
}
