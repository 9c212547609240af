import { defineConfig } from 'wxt';

// Hosts whose cookies and APIs Groundwork needs; the README explains each one.
const SALESFORCE_HOSTS = [
  'https://*.my.salesforce.com/*',
  'https://*.lightning.force.com/*',
  'https://*.salesforce-setup.com/*',
];

export default defineConfig({
  modules: ['@wxt-dev/module-react', '@wxt-dev/webextension-polyfill'],
  srcDir: '.',
  entrypointsDir: 'entrypoints',
  manifest: {
    name: 'Groundwork for Salesforce',
    description: 'Grounded AI for Salesforce in a side panel: summaries, briefs, drafts and reviewed record updates.',
    permissions: ['storage', 'cookies', 'contextMenus', 'scripting', 'alarms', 'identity'],
    host_permissions: [...SALESFORCE_HOSTS, 'https://api.anthropic.com/*', 'https://mail.google.com/*'],
    action: { default_title: 'Open Groundwork' },
    // The administrator's policy (Chrome enterprise managed storage); lib/settings/policy.ts reads the same keys.
    storage: { managed_schema: 'managed-schema.json' },
    commands: {
      _execute_action: {
        suggested_key: { default: 'Alt+Shift+G', mac: 'Alt+Shift+G' },
        description: 'Open the Groundwork side panel',
      },
    },
  },
});
