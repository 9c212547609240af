import { useCallback, useState } from 'react';
import { sendToBackground, type KeyValueStore } from '../../lib/browser';
import { webAuthFlow } from '../../lib/browser/identity';
import { SignOutAnswer, type SignOutRequest } from '../../lib/messaging/protocol';
import { listSignIns, SIGN_INS_KEY, type SignedInOrg } from '../../lib/salesforce/oauth';
import { describedBy, Field, Section } from './fields';
import type { SettingsForm } from './use-settings-draft';
import { useStored } from './use-stored';
import { formatDate, t } from '../../lib/i18n';
import { RichMessage } from '../shared/RichMessage';


/**
 * Groundwork's own Salesforce sign-in, for orgs whose API refuses the browser session: the connected app it signs in
 * with (usually the admin's policy), the callback URL that app needs, and the orgs signed in now, each with Sign out.
 */
export function SalesforceSignInSection({ form, local }: { form: SettingsForm; local: KeyValueStore }) {
  const locked = form.locked('salesforceClientId');
  const clientId = locked ? form.loaded.effective.settings.salesforceClientId : form.draft.salesforceClientId;
  return (
    <Section title={t('sfSignIn_title')} id="gw-section-salesforce">
      <p className="slds-text-body_small slds-m-bottom_small">
        {t('sfSignIn_intro')}
      </p>
      <Field id="gw-sf-client-id" label={t('sfSignIn_clientId')} help={t('sfSignIn_clientIdHelp')} locked={locked}>
        <input
          id="gw-sf-client-id"
          className="slds-input"
          type="text"
          autoComplete="off"
          spellCheck={false}
          value={clientId}
          disabled={locked}
          onChange={(event) => form.change({ salesforceClientId: event.target.value })}
          aria-describedby={describedBy('gw-sf-client-id', true, locked)}
          data-testid="salesforce-client-id"
        />
      </Field>
      <p className="slds-text-body_small slds-m-bottom_small">
        {t('sfSignIn_callback')}{' '}
        <code className="gw-callback-url" data-testid="salesforce-callback-url">
          {webAuthFlow.redirectUrl()}
        </code>
      </p>
      <SignedInOrgs local={local} />
    </Section>
  );
}

function SignedInOrgs({ local }: { local: KeyValueStore }) {
  const { value: signIns } = useStored<SignedInOrg[]>(SIGN_INS_KEY, useCallback(() => listSignIns(local), [local]));
  const [note, setNote] = useState<string | null>(null);

  const signOut = async (org: SignedInOrg): Promise<void> => {
    const request: SignOutRequest = { type: 'salesforce-sign-out', orgId: org.orgId };
    const answer = SignOutAnswer.safeParse(await sendToBackground(request));
    setNote(
      answer.success && answer.data.revoked
        ? t('sfSignIn_signedOutRevoked', { host: org.apiHost })
        : t('sfSignIn_signedOutLocal', { host: org.apiHost }),
    );
  };

  if (signIns === null) return null;
  return (
    <>
      <h3 className="slds-text-heading_small slds-m-bottom_x-small">{t('sfSignIn_signedIn')}</h3>
      {signIns.length === 0 && <p data-testid="no-sign-ins">{t('sfSignIn_none')}</p>}
      <ul>
        {signIns.map((org) => (
          <li key={org.orgId} className="slds-grid slds-grid_vertical-align-center slds-m-bottom_x-small" data-testid="signed-in-org" data-org-id={org.orgId}>
            <span className="slds-col">
              <RichMessage text={t('sfSignIn_who', { username: org.user.username, host: org.apiHost })} parts={{ name: <strong>{org.user.name}</strong> }} />
              <span className="slds-text-body_small">{t('sfSignIn_since', { date: formatDate(org.signedInAt, { dateStyle: 'medium' }) })}</span>
            </span>
            <button type="button" className="slds-button slds-button_neutral slds-no-flex slds-m-left_small" onClick={() => void signOut(org)} data-testid="options-sign-out">
              {t('signedIn_signOut')}
              <span className="slds-assistive-text"> {org.apiHost}</span>
            </button>
          </li>
        ))}
      </ul>
      {note && (
        <p role="status" className="slds-text-body_small" data-testid="sign-out-note">
          {note}
        </p>
      )}
    </>
  );
}
