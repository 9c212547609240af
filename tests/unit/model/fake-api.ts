import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach } from 'vitest';
import { createMessagesApi, type MessagesApiFake } from '../../sandbox/anthropic';
import type { ModelSettings } from '../../../lib/model';

export const KEY = 'sk-ant-api03-unit-test-key';

/** The sandbox Messages API on a local port, reset before each test; `settings()` points the client at it. */
export function useFakeMessagesApi(options: { chunkDelayMs?: number } = {}): {
  api: MessagesApiFake;
  settings(overrides?: Partial<ModelSettings>): ModelSettings;
} {
  let clock = 1_000_000;
  const api = createMessagesApi({ firstTokenMs: 0, chunkDelayMs: options.chunkDelayMs ?? 0, now: () => clock });
  let server: Server;
  let baseUrl = '';
  beforeAll(async () => {
    server = createServer((req, res) => void api.handler(req, res));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });
  beforeEach(() => {
    api.reset();
    // Past the prompt cache's time to live, so each test starts cold.
    clock += 60 * 60_000;
  });
  return {
    api,
    settings: (overrides = {}) => ({ apiKey: KEY, baseUrl, model: 'claude-haiku-5-5', maxRetries: 0, ...overrides }),
  };
}
