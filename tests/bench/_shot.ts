import { enableOrgIfAsked, launchWithExtension, loginToSalesforce, openSidePanel, saveApiKey } from '../e2e/chromium';
import { startSandbox } from '../sandbox/sandbox';
import { ACME } from '../sandbox/salesforce/seed';
async function main() {
  const sandbox = await startSandbox({ orgLatencyMs: 0, modelFirstTokenMs: 0 });
  const launched = await launchWithExtension(sandbox);
  await saveApiKey(launched, 'sk-ant-bench-key-000001');
  const tab = await launched.browser.newPage();
  await loginToSalesforce(tab, sandbox.org.primary, 'full', `/lightning/r/Account/${ACME.accounts.globex.id}/view`);
  const panel = await openSidePanel(tab, launched.extension);
  await enableOrgIfAsked(panel);
  await panel.setViewport({ width: 400, height: 900 });
  await panel.waitForSelector('[data-testid=generate]');
  await panel.click('[data-testid=generate]');
  await panel.waitForSelector('[data-testid=generation][data-status=done]');
  await panel.waitForSelector('[data-testid=citation]');
  await new Promise((r) => setTimeout(r, 500));
  await panel.screenshot({ path: '/tmp/h18-panel-light.png' });
  await panel.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: 'dark' }]);
  await new Promise((r) => setTimeout(r, 300));
  await panel.screenshot({ path: '/tmp/h18-panel-dark.png' });
  await launched.close(); await sandbox.close();
}
main().then(() => process.exit(0), (e) => { console.error(e); process.exit(1); });
