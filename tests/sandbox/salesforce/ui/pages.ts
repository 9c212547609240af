/** Server-rendered HTML: the login form, the Lightning app shell, Classic record pages and error pages. */
import type { ObjectDef, OrgUser } from '../model';
import { CLIENT_SCRIPT } from './client';
import type { View } from './views';

export function escapeHtml(value: unknown): string {
  return String(value ?? '').replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

const STYLE = `
  body { font-family: -apple-system, "Segoe UI", Roboto, Arial, sans-serif; margin: 0; color: #181818; background: #f3f3f3; }
  a { color: #0b5cab; }
  .one-header { display: flex; align-items: center; justify-content: space-between; background: #fff; padding: 8px 16px;
    border-bottom: 1px solid #ddd; }
  .app-name { font-size: 18px; margin: 0; }
  .nav-bar ul { display: flex; gap: 4px; list-style: none; margin: 0; padding: 0 16px; background: #fff; border-bottom: 3px solid #0176d3; }
  .nav-bar a { display: block; padding: 10px 12px; text-decoration: none; color: #181818; }
  .nav-bar a[aria-current="page"] { border-bottom: 3px solid #0b5cab; font-weight: 600; }
  main { padding: 16px; }
  .highlights, .details, .related-list, .list-view, .record-edit { background: #fff; border-radius: 4px; padding: 12px 16px;
    margin-bottom: 12px; border: 1px solid #e5e5e5; }
  .entity-label { margin: 0; color: #444; font-size: 13px; }
  .record-name { margin: 4px 0 8px; font-size: 22px; }
  dl { display: grid; grid-template-columns: repeat(2, minmax(0, 1fr)); gap: 8px 24px; margin: 0; }
  dt { color: #444; font-size: 12px; } dd { margin: 0; border-bottom: 1px solid #eee; min-height: 20px; }
  .related { display: grid; grid-template-columns: repeat(2, minmax(0, 1fr)); gap: 12px; }
  .related-list h2 { font-size: 14px; margin: 0 0 8px; } .related-list ul { margin: 0; padding-left: 18px; }
  .detail { color: #444; font-size: 12px; }
  .button { display: inline-block; padding: 4px 12px; border: 1px solid #c9c9c9; border-radius: 4px; text-decoration: none; }
  .login { max-width: 360px; margin: 64px auto; background: #fff; padding: 24px; border: 1px solid #ddd; border-radius: 4px; }
  .login label { display: block; margin-top: 12px; } .login input[type=email], .login input[type=text], .login input[type=password]
    { width: 100%; box-sizing: border-box; padding: 8px; }
  .login #Login { margin-top: 16px; width: 100%; padding: 10px; background: #0176d3; color: #fff; border: 0; border-radius: 4px; }
  .loginError { color: #ba0517; margin-top: 12px; }
  table { border-collapse: collapse; } th, td { text-align: left; padding: 4px 12px 4px 0; }
`;

/** A whole page in the sandbox's look. */
export function document(title: string, body: string, bodyAttributes = ''): string {
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title><style>${STYLE}</style></head>
<body${bodyAttributes}>${body}</body></html>`;
}

export function loginPage(options: { orgLabel: string; startUrl: string; username?: string; error?: string }): string {
  const error = options.error
    ? `<div id="error" class="loginError" role="alert">${escapeHtml(options.error)}</div>`
    : '';
  return document(
    'Login | Salesforce',
    `<main class="login"><h1>Log in to ${escapeHtml(options.orgLabel)}</h1>
<form name="login" id="login_form" method="post" action="/" autocomplete="off">
<label for="username">Username</label>
<input id="username" name="username" type="email" autocomplete="username" value="${escapeHtml(options.username ?? '')}" required>
<label for="password">Password</label>
<input id="password" name="pw" type="password" autocomplete="current-password" required>
<input type="hidden" name="startURL" value="${escapeHtml(options.startUrl)}">
<input id="Login" name="Login" type="submit" value="Log In">
${error}
</form></main>`,
  );
}

const NAV_ITEMS: [string, string, string][] = [
  ['Home', 'Home', '/lightning/page/home'],
  ['Account', 'Accounts', '/lightning/o/Account/home'],
  ['Contact', 'Contacts', '/lightning/o/Contact/home'],
  ['Lead', 'Leads', '/lightning/o/Lead/home'],
  ['Opportunity', 'Opportunities', '/lightning/o/Opportunity/home'],
  ['Case', 'Cases', '/lightning/o/Case/home'],
];

/** JSON inside a script element: `<` escaped so that no `</script>` can end it early. */
function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c');
}

/** The Lightning app shell; the script renders `view` (or fetches it when null, as for one.app URLs). */
export function lightningShell(options: { user: OrgUser; view: View | null; loginUrl: string }): string {
  const nav = NAV_ITEMS.map(
    ([item, label, href]) => `<li><a href="${href}" data-nav-item="${item}">${label}</a></li>`,
  ).join('');
  return document(
    options.view?.title ?? 'Lightning Experience | Salesforce',
    `<div class="desktop container oneOne" id="app">
<header class="one-header" role="banner"><p class="app-name" data-testid="app-name">Sales</p>
<span class="user-name">${escapeHtml(options.user.name)}</span></header>
<nav class="nav-bar" aria-label="Global"><ul>${nav}</ul></nav>
<main id="main" class="one-content" tabindex="-1"></main>
</div>
<script type="application/json" id="sandbox-initial-view">${scriptJson(options.view)}</script>
<script>${CLIENT_SCRIPT}</script>`,
    ` data-login-url="${escapeHtml(options.loginUrl)}"`,
  );
}

export function errorPage(status: number, heading: string, message: string): string {
  return document(`${heading} | Salesforce`, `<main><h1>${escapeHtml(heading)}</h1><p>${escapeHtml(message)}</p></main>`);
}

const CLASSIC_HEADER = `<div id="AppBodyHeader" role="banner"><a href="/home/home.jsp">Home</a> | <a href="/001/o">Accounts</a> |
<a href="/003/o">Contacts</a> | <a href="/00Q/o">Leads</a> | <a href="/006/o">Opportunities</a> | <a href="/500/o">Cases</a></div>`;

type RecordView = Extract<View, { kind: 'record' }>;

/** A Classic record detail (or edit) page: `/<id>` and `/<id>/e`. */
export function classicRecordPage(view: RecordView, edit: boolean): string {
  const rows = view.fields
    .map((field) => {
      const value = field.value ?? '';
      const shown = edit
        ? `<input id="${escapeHtml(field.name)}" name="${escapeHtml(field.name)}" value="${escapeHtml(value)}">`
        : field.link
          ? `<a href="/${escapeHtml(field.link.id)}">${escapeHtml(value)}</a>`
          : escapeHtml(value);
      const label = edit ? `<label for="${escapeHtml(field.name)}">${escapeHtml(field.label)}</label>` : escapeHtml(field.label);
      return `<tr><td class="labelCol">${label}</td><td class="dataCol">${shown}</td></tr>`;
    })
    .join('');
  const related = edit
    ? ''
    : view.related
        .map(
          (list) =>
            `<div class="bRelatedList"><h3>${escapeHtml(list.label)}</h3><ul>${list.records
              .map((r) => `<li><a href="/${escapeHtml(r.id)}">${escapeHtml(r.name)}</a></li>`)
              .join('')}</ul></div>`,
        )
        .join('');
  const pageType = edit ? `${view.objectLabel} Edit` : view.objectLabel;
  return document(
    `${pageType}: ${view.name} ~ Salesforce - Enterprise Edition`,
    `${CLASSIC_HEADER}<main class="bodyDiv" data-record-id="${escapeHtml(view.id)}">
<div class="bPageTitle"><h1 class="pageType">${escapeHtml(pageType)}</h1>
<h2 class="pageDescription">${escapeHtml(view.name)}</h2></div>
<div class="pbBody"><table class="detailList">${rows}</table></div>${related}</main>`,
    ' class="sfdcBody"',
  );
}

export function classicListPage(object: ObjectDef, records: { id: string; name: string }[]): string {
  return document(
    `${object.labelPlural}: Home ~ Salesforce - Enterprise Edition`,
    `${CLASSIC_HEADER}<main><h1 class="pageType">${escapeHtml(object.labelPlural)}</h1><ul>${records
      .map((r) => `<li><a href="/${escapeHtml(r.id)}">${escapeHtml(r.name)}</a></li>`)
      .join('')}</ul></main>`,
    ' class="sfdcBody"',
  );
}

export function classicHome(user: OrgUser): string {
  return document(
    'Salesforce - Enterprise Edition',
    `${CLASSIC_HEADER}<main><h1>Welcome, ${escapeHtml(user.name)}</h1></main>`,
    ' class="sfdcBody"',
  );
}
