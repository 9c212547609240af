import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { EXTENSION_DIR, findChromium } from './chromium';

/** Fails the run (never skips it) when there is no browser or no build to test. */
export default function setup(): void {
  findChromium();
  if (!existsSync(join(EXTENSION_DIR, 'manifest.json'))) {
    throw new Error(`No built extension in ${EXTENSION_DIR}: run \`npm run build\` before the e2e suite.`);
  }
}
