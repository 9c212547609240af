import purgeCss from '@fullhuman/postcss-purgecss';
import { defineConfig } from 'wxt';
import { MAIL_MATCHES } from './lib/features/mail/clients';

// Hosts whose cookies and APIs Groundwork needs; the README explains each one.
const SALESFORCE_HOSTS = [
  'https://*.my.salesforce.com/*',
  'https://*.lightning.force.com/*',
  'https://*.salesforce-setup.com/*',
];

/**
 * Only the SLDS rules the pages use reach the build: the class names written in the components and entry points
 * (every class is written out whole, never assembled), and the elements model output may hold (SafeMarkdown).
 */
const keepUsedStyles = purgeCss({
  content: ['components/**/*.tsx', 'entrypoints/**/*.{tsx,html}'],
  safelist: {
    standard: [/^(html|body|:root|h[1-6]|p|ul|ol|li|a|strong|em|code|pre|blockquote|table|thead|tbody|tfoot|tr|th|td|hr|q|mark|details|summary|dl|dt|dd|sup|caption|colgroup|col)$/],
  },
  // SLDS styles by state attributes as well as classes (aria-selected, disabled, hidden…).
  dynamicAttributes: ['aria-selected', 'aria-pressed', 'aria-expanded', 'aria-current', 'aria-invalid', 'aria-disabled', 'disabled', 'hidden', 'open', 'data-label'],
});

/** Firefox's add-on id: it keys the add-on's storage and its listing on addons.mozilla.org. */
export const FIREFOX_ADDON_ID = 'groundwork@groundwork-salesforce.app';

export default defineConfig({
  modules: ['@wxt-dev/module-react'],
  // MV3 for Firefox too (WXT's default there is MV2): the same background, permissions and CSP model everywhere.
  manifestVersion: 3,
  vite: () => ({ css: { postcss: { plugins: [keepUsedStyles] } } }),
  srcDir: '.',
  entrypointsDir: 'entrypoints',
  manifest: ({ browser }) => ({
    // Name, description and titles in the browser's UI language, from public/_locales (English when it has no catalogue).
    default_locale: 'en',
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    permissions: ['storage', 'cookies', 'contextMenus', 'scripting', 'alarms', 'identity'],
    host_permissions: [...SALESFORCE_HOSTS, 'https://api.anthropic.com/*', ...MAIL_MATCHES],
    action: { default_title: '__MSG_extActionTitle__' },
    // Stricter than Chrome's default for extension pages: only the extension's own scripts, styles, fonts and images;
    // no plugins, forms, frames or base URL. connect-src stays open to https (and http on this machine) because a
    // company gateway may live at any address. tests/e2e/manifest.e2e.test.ts fails if this is weakened.
    content_security_policy: {
      extension_pages: [
        "default-src 'none'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self' https: http://localhost:* http://127.0.0.1:* http://[::1]:*",
        "object-src 'none'",
        "base-uri 'none'",
        "form-action 'none'",
        "frame-src 'none'",
        "frame-ancestors 'none'",
      ].join('; '),
    },
    ...(browser === 'firefox'
      ? {
          // Firefox: the panel is a sidebar (WXT writes sidebar_action from entrypoints/sidepanel/); the shortcut opens it.
          // Managed storage comes from Firefox's enterprise policies (3rdparty → Extensions → this id), not a schema file.
          browser_specific_settings: { gecko: { id: FIREFOX_ADDON_ID, strict_min_version: '128.0' } },
          commands: { _execute_sidebar_action: { suggested_key: { default: 'Alt+Shift+G' }, description: '__MSG_extOpenSidebar__' } },
        }
      : {
          // Chrome 144 answers a runtime.onMessage listener's promise (the options page's requests are answered that
          // way) and has the promise-based `browser` namespace that lib/browser uses, as Firefox always has: before
          // it, that took webextension-polyfill, which on 144 and later only hands back the browser's own object.
          minimum_chrome_version: '144',
          // The administrator's policy (Chrome enterprise managed storage); lib/settings/policy.ts reads the same keys.
          storage: { managed_schema: 'managed-schema.json' },
          commands: {
            _execute_action: {
              suggested_key: { default: 'Alt+Shift+G', mac: 'Alt+Shift+G' },
              description: '__MSG_extOpenSidePanel__',
            },
          },
        }),
  }),
});
