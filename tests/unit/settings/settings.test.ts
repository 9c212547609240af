import { describe, expect, it } from 'vitest';
import type { KeyValueStore } from '../../../lib/browser';
import {
  compileRedactionPatterns,
  DEFAULT_MODEL,
  loadSettings,
  redactionPatternProblem,
  saveSettings,
  Settings,
  SETTINGS_KEY,
} from '../../../lib/settings';

function memoryStore(initial: Record<string, unknown> = {}): KeyValueStore & { data: Record<string, unknown> } {
  const data = { ...initial };
  return {
    data,
    get: async (key) => data[key],
    set: async (key, value) => {
      data[key] = value;
    },
    remove: async (key) => {
      delete data[key];
    },
  };
}

describe('settings', () => {
  it('default to every feature on, the default model, 90 days of audit and no caps', () => {
    const settings = Settings.parse({});
    expect(settings.features).toEqual({ summary: true, brief: true, insights: true, email: true, logNote: true, extractLead: true, ask: true, gmail: true });
    expect(Object.values(settings.models).every((model) => model === DEFAULT_MODEL)).toBe(true);
    expect(settings).toMatchObject({ auditRetentionDays: 90, morningPrep: false, baseUrl: '', budgets: { dailyUsd: null, monthlyUsd: null, requestsPerMinute: null } });
    expect(settings.prices['claude-haiku-5-5']).toEqual({ input: 0.1, output: 0.5 });
  });

  it('fill in what an older, smaller stored version lacks', async () => {
    const store = memoryStore({ [SETTINGS_KEY]: { anthropicApiKey: 'sk-ant-abcdefgh1234', features: { ask: false } } });
    const settings = await loadSettings(store);
    expect(settings.anthropicApiKey).toBe('sk-ant-abcdefgh1234');
    expect(settings.features).toMatchObject({ ask: false, summary: true });
  });

  it('keep the valid values when one stored value no longer validates', async () => {
    const store = memoryStore({ [SETTINGS_KEY]: { anthropicApiKey: 'sk-ant-abcdefgh1234', auditRetentionDays: -4, baseUrl: 'ftp://nope' } });
    const settings = await loadSettings(store);
    expect(settings).toMatchObject({ anthropicApiKey: 'sk-ant-abcdefgh1234', auditRetentionDays: 90, baseUrl: '' });
  });

  it('save changes over what is stored, and refuse an invalid change without touching storage', async () => {
    const store = memoryStore();
    await saveSettings(store, { anthropicApiKey: 'sk-ant-abcdefgh1234' });
    const saved = await saveSettings(store, { morningPrep: true });
    expect(saved).toMatchObject({ anthropicApiKey: 'sk-ant-abcdefgh1234', morningPrep: true });
    await expect(saveSettings(store, { redaction: { extraPatterns: ['(unclosed'], deniedFields: [] } })).rejects.toThrow('Not a valid regular expression');
    expect((store.data[SETTINGS_KEY] as Settings).redaction.extraPatterns).toEqual([]);
  });

  it('accept a gateway over https, or http on this machine only', () => {
    expect(Settings.safeParse({ baseUrl: 'https://llm-gateway.acme.example/anthropic' }).success).toBe(true);
    expect(Settings.safeParse({ baseUrl: 'http://localhost:8080' }).success).toBe(true);
    expect(Settings.safeParse({ baseUrl: 'http://gateway.acme.example' }).success).toBe(false);
  });

  it('take field names for the denylist, with or without their object', () => {
    expect(Settings.safeParse({ redaction: { deniedFields: ['SSN__c', 'Contact.Birthdate'] } }).success).toBe(true);
    expect(Settings.safeParse({ redaction: { deniedFields: ['Birth date'] } }).success).toBe(false);
  });
});

describe('extra redaction patterns', () => {
  it('are refused when invalid, empty, matching empty text or too long', () => {
    expect(redactionPatternProblem('ACME-\\d{6}')).toBeNull();
    expect(redactionPatternProblem('(unclosed')).toMatch(/Not a valid regular expression/);
    expect(redactionPatternProblem('  ')).toMatch(/empty/);
    expect(redactionPatternProblem('x*')).toMatch(/matches empty text/);
    expect(redactionPatternProblem('a'.repeat(301))).toMatch(/longer than/);
  });

  it('compile to global regular expressions that find every match', () => {
    const [pattern] = compileRedactionPatterns(['ACME-\\d{6}', '(bad']);
    expect(compileRedactionPatterns(['ACME-\\d{6}', '(bad'])).toHaveLength(1);
    expect('ACME-123456 and ACME-654321'.match(pattern as RegExp)).toEqual(['ACME-123456', 'ACME-654321']);
  });
});
