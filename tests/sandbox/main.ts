/**
 * `npm run sandbox`: the Salesforce org, the Messages API and the Gmail pages on their real host names (TLS with a
 * fresh self-signed certificate). Prints one JSON line when ready; Ctrl+C stops it.
 * Options: --org-latency MS, --model-ttft MS, --org-port N, --model-port N, --gmail-port N, --outlook-port N.
 */
import { parseArgs } from 'node:util';
import { startSandbox } from './sandbox';

const { values } = parseArgs({
  options: {
    'org-latency': { type: 'string', default: '0' },
    'model-ttft': { type: 'string', default: '0' },
    'org-port': { type: 'string', default: '0' },
    'model-port': { type: 'string', default: '0' },
    'gmail-port': { type: 'string', default: '0' },
    'outlook-port': { type: 'string', default: '0' },
  },
});

const sandbox = await startSandbox({
  orgLatencyMs: Number(values['org-latency']),
  modelFirstTokenMs: Number(values['model-ttft']),
  ports: { org: Number(values['org-port']), model: Number(values['model-port']), gmail: Number(values['gmail-port']), outlook: Number(values['outlook-port']) },
});
process.stdout.write(`${sandbox.readyLine()}\n`);

const stop = (): void => {
  void sandbox.close().then(() => process.exit(0));
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
