/** The authorization server's pages: "Allow Access?" and the OAuth error page. */
import type { OrgUser } from '../model';
import { document, escapeHtml } from '../ui/pages';

/** What each scope lets the app do, in the words of Salesforce's consent page. */
const SCOPE_DESCRIPTIONS: Record<string, string> = {
  api: 'Manage user data via APIs',
  id: 'Access the identity URL service',
  openid: 'Access unique user identifiers',
  refresh_token: 'Perform requests at any time',
  offline_access: 'Perform requests at any time',
  full: 'Full access',
  web: 'Manage user data via Web browsers',
};

export function consentPage(options: {
  appName: string;
  user: OrgUser;
  scopes: readonly string[];
  action: string;
  fields: readonly [string, string][];
}): string {
  const hidden = options.fields
    .map(([name, value]) => `<input type="hidden" name="${escapeHtml(name)}" value="${escapeHtml(value)}">`)
    .join('\n');
  const scopes = [...new Set(options.scopes.map((scope) => SCOPE_DESCRIPTIONS[scope] ?? scope))]
    .map((description) => `<li>${escapeHtml(description)}</li>`)
    .join('');
  return document(
    'Allow Access? | Salesforce',
    `<main class="login" id="oauth-consent"><h1>Allow Access?</h1>
<p><strong>${escapeHtml(options.appName)}</strong> is asking to:</p><ul>${scopes}</ul>
<p>Do you want to allow access for ${escapeHtml(options.user.username)}?
(<a href="/secur/logout.jsp">Not you?</a>)</p>
<form method="post" action="${escapeHtml(options.action)}">
${hidden}
<button type="submit" id="oaapprove" name="decision" value="allow" class="button">Allow</button>
<button type="submit" id="oadeny" name="decision" value="deny" class="button">Deny</button>
</form></main>`,
  );
}

/** Shown instead of a redirect when the client or its callback cannot be trusted. */
export function oauthErrorPage(error: string, description: string): string {
  return document(
    'OAuth Error | Salesforce',
    `<main class="login" id="oauth-error"><h1>OAuth Error</h1>
<p>We can't authorize you because of an OAuth error. For more information, contact your Salesforce administrator.</p>
<p id="oauth-error-detail">${escapeHtml(new URLSearchParams({ error, error_description: description }).toString())}</p></main>`,
  );
}
