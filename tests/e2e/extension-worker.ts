import type { Browser, CDPSession, Extension, Target } from 'puppeteer-core';

/**
 * The extension's service worker as a test drives it. Puppeteer keeps one session per worker target and caches it;
 * after a stop, Chromium may start the worker again under the same target while that cached session stays detached,
 * so every call here opens a session of its own on whichever worker target is listed now.
 */
export interface ExtensionWorker {
  evaluate<Args extends unknown[], Result>(fn: ((...args: Args) => Result) | string, ...args: Args): Promise<Awaited<Result>>;
  /** Runtime.getHeapUsage's used bytes. */
  heapUsedBytes(): Promise<number>;
  /** Stops the worker as Chromium does when it is idle; the next event starts it again. */
  close(): Promise<void>;
}

/** The browser each launched extension lives in: puppeteer's Extension does not expose it. */
const browsers = new WeakMap<Extension, Browser>();

export function rememberBrowser(extension: Extension, browser: Browser): void {
  browsers.set(extension, browser);
}

const ANSWER_WITHIN_MS = 1_000;
const START_WITHIN_MS = 15_000;

/** The running service worker (one stopped a moment ago may still be listed, or start again under the same target). */
export async function serviceWorker(extension: Extension): Promise<ExtensionWorker> {
  const browser = browsers.get(extension);
  if (!browser) throw new Error('This extension was not launched by launchWithExtension.');
  const until = Date.now() + START_WITHIN_MS;
  while (Date.now() < until) {
    for (const target of workerTargets(browser, extension.id)) {
      const worker = workerOf(target);
      if (await answers(worker)) return worker;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('The extension service worker did not start.');
}

function workerTargets(browser: Browser, extensionId: string): Target[] {
  return browser.targets().filter((target) => target.type() === 'service_worker' && target.url().startsWith(`chrome-extension://${extensionId}/`));
}

async function answers(worker: ExtensionWorker): Promise<boolean> {
  const timeout = new Promise<boolean>((resolve) => setTimeout(() => resolve(false), ANSWER_WITHIN_MS));
  return Promise.race([worker.evaluate('1').then(() => true, () => false), timeout]);
}

function workerOf(target: Target): ExtensionWorker {
  const withSession = async <T>(use: (session: CDPSession) => Promise<T>): Promise<T> => {
    const session = await target.createCDPSession();
    try {
      return await use(session);
    } finally {
      await session.detach().catch(() => undefined);
    }
  };
  return {
    evaluate: (fn, ...args) =>
      withSession(async (session) => {
        const expression = typeof fn === 'string' ? fn : `(${fn.toString()})(...${JSON.stringify(args)})`;
        const { result, exceptionDetails } = await session.send('Runtime.evaluate', { expression, awaitPromise: true, returnByValue: true });
        if (exceptionDetails) throw new Error(exceptionDetails.exception?.description ?? exceptionDetails.text);
        return result.value as never;
      }),
    heapUsedBytes: () => withSession(async (session) => (await session.send('Runtime.getHeapUsage')).usedSize),
    async close() {
      // Puppeteer's own session keeps the worker alive; its close ends the target and detaches that session.
      const attached = await target.worker();
      await attached?.close().catch(() => undefined);
    },
  };
}
