import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    include: ['tests/unit/**/*.test.{ts,tsx}'],
    environment: 'node',
    // The panel's words in English, from the default locale's catalogue (the browser's i18n API is not there), and
    // zod configured as every extension context configures it.
    setupFiles: ['tests/unit/english-messages.ts', 'lib/messaging/zod-setup.ts'],
    // Tests assert outcomes, never timings: the limit only catches a hung test. Property tests and whole-seed checks
    // run for seconds on this shared 2-core machine at a load of 20, past vitest's 5 s default.
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
