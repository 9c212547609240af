/**
 * `npm run demo`: builds the extension, starts the sandbox, and opens Chromium logged in to the sandbox org on an
 * Account page with the Groundwork side panel open. Without ANTHROPIC_API_KEY every use case runs on the sandbox's
 * offline demo model, chosen (and priced at zero) in the options page like any model. `-- --headless --smoke` checks
 * the panel shows the record, then walks every feature (demo-walk.ts), prints a line for each and exits 0 or 1. With
 * ANTHROPIC_API_KEY set, api.anthropic.com is left to the real internet.
 */
import { execFileSync } from 'node:child_process';
import { parseArgs } from 'node:util';
import { ACME } from '../tests/sandbox/salesforce/seed';
import { startSandbox } from '../tests/sandbox/sandbox';
import { chooseDemoModel, enableOrgIfAsked, launchWithExtension, saveApiKey, loginToSalesforce, openSidePanel } from '../tests/e2e/chromium';
import { walkEveryFeature } from './demo-walk';

const { values } = parseArgs({
  options: {
    headless: { type: 'boolean', default: false },
    smoke: { type: 'boolean', default: false },
    /** Saves pictures of the Lightning tab and the side panel into this folder (for the README). */
    screenshots: { type: 'string' },
  },
});

const say = (line: string): void => console.log(`[demo] ${line}`);

say('Building the extension (wxt build)…');
execFileSync('npx', ['wxt', 'build'], { stdio: ['ignore', 'ignore', 'inherit'] });

const sandbox = await startSandbox();
const realModel = Boolean(process.env.ANTHROPIC_API_KEY);
say(`Sandbox running: Salesforce org ${sandbox.org.primary.apiHost} (port ${sandbox.ports.org}), ` +
  `Messages API (port ${sandbox.ports.model}), Gmail (port ${sandbox.ports.gmail}).`);
say(realModel ? 'ANTHROPIC_API_KEY is set: the extension talks to Claude for real.' : 'No ANTHROPIC_API_KEY: every AI feature runs on "Demo model (offline)", the sandbox\'s rule-based stand-in (not Claude).');

const launched = await launchWithExtension(sandbox, { headless: values.headless, realModelApi: realModel });
const shutdown = async (code: number): Promise<never> => {
  await launched.close().catch(() => undefined);
  await sandbox.close();
  process.exit(code);
};
process.on('SIGINT', () => void shutdown(0));
process.on('SIGTERM', () => void shutdown(0));

/** The key the demo saves through the options page: yours, or one the sandbox's demo model accepts. */
const DEMO_KEY = 'sk-ant-demo-offline-sandbox-key';

try {
  if (process.env.ANTHROPIC_API_KEY) await saveApiKey(launched, process.env.ANTHROPIC_API_KEY);
  else await chooseDemoModel(launched, DEMO_KEY);

  const account = ACME.accounts.globex;
  const [page] = await launched.browser.pages();
  const tab = page ?? (await launched.browser.newPage());
  await loginToSalesforce(tab, sandbox.org.primary, 'full', `/lightning/r/Account/${account.id}/view`);
  const panel = await openSidePanel(tab, launched.extension);
  say(`Chromium is open on ${account.name} with the Groundwork side panel (logged in as ${sandbox.org.primary.users.full.username}).`);

  if (values.screenshots) {
    await enableOrgIfAsked(panel);
    await panel.waitForSelector('[data-testid=record-card]', { timeout: 15_000 });
    await panel.locator('[data-testid=generate]').click();
    await panel.waitForSelector('[data-testid=generation][data-status=done]', { timeout: 15_000 });
    await tab.screenshot({ path: `${values.screenshots}/demo-salesforce.png` });
    await panel.screenshot({ path: `${values.screenshots}/demo-panel.png` });
    say(`Screenshots saved in ${values.screenshots}.`);
  }

  if (values.smoke) {
    await enableOrgIfAsked(panel);
    const name = await panel
      .waitForSelector('[data-testid=record-name]', { timeout: 15_000 })
      .then((element) => element?.evaluate((node) => node.textContent));
    const shown = name === account.name;
    console.log(shown ? `SMOKE OK: the side panel shows "${name}".` : `SMOKE FAILED: expected "${account.name}", saw "${name ?? 'nothing'}".`);
    const started = Date.now();
    const steps = shown ? await walkEveryFeature(sandbox, launched, tab) : [];
    for (const step of steps) console.log(`SMOKE ${step.ok ? 'OK' : 'FAILED'}: ${step.feature}: ${step.detail}`);
    const ok = shown && steps.every((step) => step.ok);
    console.log(`SMOKE ${ok ? 'PASSED' : 'FAILED'}: ${steps.filter((step) => step.ok).length} of ${steps.length} features in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
    await shutdown(ok ? 0 : 1);
  }
  say('Press Ctrl+C to stop the browser and the sandbox.');
} catch (error) {
  console.error(`[demo] ${error instanceof Error ? error.message : String(error)}`);
  await shutdown(1);
}
