import { describe, expect, it, vi } from 'vitest';
import { EMPTY_FILTERS, filtersFromForm } from '../../../lib/features/governance/audit-filters';
import { CHANNELS } from '../../../lib/features/channels';
import { createGovernanceFeature, RETENTION_ALARM } from '../../../lib/features/governance/handler';
import { draftFrom, settingsFromDraft } from '../../../lib/features/governance/options-draft';
import { GovernanceEvent } from '../../../lib/features/governance/messages';
import { parsePayload } from '../../../lib/messaging/channels';
import { Settings, SETTINGS_KEY, type PolicySource } from '../../../lib/settings';
import { freshLog, generation } from '../audit/audit-harness';
import { memoryStore } from '../memory-store';

const noPolicy: PolicySource = { get: async () => undefined };

function setup(managed: PolicySource = noPolicy) {
  const local = memoryStore();
  const { log, clock, advance } = freshLog('2026-03-02T09:00:00.000Z');
  const testKey = vi.fn(async () => ({ ok: true, message: 'The key works.' }));
  const handler = createGovernanceFeature({ local, now: () => clock.now }, { managed, log, testKey });
  const sent: GovernanceEvent[] = [];
  const panel = { windowId: 1, send: (payload: unknown) => sent.push(GovernanceEvent.parse(payload)) };
  const status = async (type: 'status' | 'salesforce-seen' = 'status') => {
    await handler.channel.handle({ type }, panel);
    return sent.at(-1);
  };
  return { local, log, clock, advance, testKey, handler, status };
}

describe('the governance handler', () => {
  it('ticks the first-run steps one by one, checks a key once, and stays done', async () => {
    const { local, status, testKey } = setup();
    expect((await status())?.onboarding).toMatchObject({ keySet: false, keyWorking: null, salesforceSeen: false, orgEnabled: false, done: false });
    await local.set(SETTINGS_KEY, Settings.parse({ anthropicApiKey: 'sk-ant-onboarding-01' }));
    expect((await status())?.onboarding).toMatchObject({ keySet: true, keyWorking: true, done: false });
    expect((await status('salesforce-seen'))?.onboarding).toMatchObject({ salesforceSeen: true, orgEnabled: false, done: false });
    await local.set('orgs:enabled', { '00D000000000001EAA': { apiHost: 'acme.my.salesforce.com', enabledAt: '2026-03-02T09:00:00.000Z' } });
    expect((await status())?.onboarding.done).toBe(true);
    await local.remove('orgs:enabled');
    expect((await status())?.onboarding.done).toBe(true);
    expect(testKey).toHaveBeenCalledTimes(1);
  });

  it('tells the panel which features to show, under the policy', async () => {
    const { local, status } = setup({ get: async (key) => (key === 'allowedFeatures' ? ['summary', 'brief'] : undefined) });
    await local.set(SETTINGS_KEY, Settings.parse({ features: { brief: false } }));
    expect((await status())?.features).toMatchObject({ summary: true, brief: false, ask: false, gmail: false });
  });

  it('refuses malformed requests before the handler sees them', () => {
    expect(parsePayload(CHANNELS, 'governance', 'request', { type: 'delete-everything' })).toBeNull();
    expect(parsePayload(CHANNELS, 'governance', 'request', { type: 'status' })).not.toBeNull();
  });

  it('applies the retention days from settings on its daily alarm, keeping the chain verifiable', async () => {
    const { local, log, advance, handler } = setup();
    expect(handler.alarms).toEqual([{ name: RETENTION_ALARM, periodInMinutes: 1440 }]);
    await local.set(SETTINGS_KEY, Settings.parse({ auditRetentionDays: 7 }));
    await log.record(generation());
    advance(10 * 86_400_000);
    await log.record(generation({ feature: 'email' }));
    await handler.onAlarm?.(RETENTION_ALARM);
    expect((await log.query()).map((entry) => entry.feature)).toEqual(['email']);
    expect((await log.verify()).ok).toBe(true);
  });
});

describe('the options form', () => {
  it('turns typed text into settings, empty budgets into no cap', () => {
    const draft = { ...draftFrom(Settings.parse({})), dailyUsd: '2.5', monthlyUsd: '', extraPatterns: 'ACME-\\d{6}\n\n', deniedFields: 'SSN__c\nContact.Birthdate' };
    const result = settingsFromDraft(draft, Settings.parse({}));
    expect(result).toMatchObject({ settings: { budgets: { dailyUsd: 2.5, monthlyUsd: null }, redaction: { extraPatterns: ['ACME-\\d{6}'], deniedFields: ['SSN__c', 'Contact.Birthdate'] } } });
  });

  it('names the field that is wrong', () => {
    const base = draftFrom(Settings.parse({}));
    expect(settingsFromDraft({ ...base, dailyUsd: '-3' }, Settings.parse({}))).toEqual({ problem: 'Daily budget: Enter more than 0.' });
    expect(settingsFromDraft({ ...base, requestsPerMinute: '2.5' }, Settings.parse({}))).toEqual({ problem: 'Requests per minute: Enter a whole number.' });
    expect(settingsFromDraft({ ...base, extraPatterns: 'ok\n(open' }, Settings.parse({}))).toEqual({ problem: expect.stringMatching(/^Extra redaction patterns \(line 2\): Not a valid regular expression/) });
    expect(settingsFromDraft({ ...base, baseUrl: 'http://gateway.example' }, Settings.parse({}))).toEqual({ problem: expect.stringMatching(/^Gateway base URL: Use an https/) });
  });

  it('turns audit filters into a query; "to" includes its whole day', () => {
    expect(filtersFromForm(EMPTY_FILTERS)).toEqual({});
    const filters = filtersFromForm({ ...EMPTY_FILTERS, from: '2026-03-01', to: '2026-03-01', feature: 'summary', outcome: 'accepted', orgId: ' 00D ' });
    expect(Date.parse(filters.to ?? '') - Date.parse(filters.from ?? '')).toBe(86_400_000);
    expect(filters).toMatchObject({ features: ['summary'], outcomes: ['accepted'], orgId: '00D' });
  });
});
