import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { z } from 'zod/mini';
import {
  effectiveSettings,
  featureEnabled,
  isLocked,
  loadEffectiveSettings,
  loadManagedPolicy,
  ManagedPolicy,
  modelAllowed,
  orgAllowed,
  Settings,
  SETTINGS_KEY,
  type PolicySource,
} from '../../../lib/settings';

const rep = Settings.parse({
  anthropicApiKey: 'sk-ant-rep-own-key-123',
  baseUrl: '',
  models: { summary: 'claude-opus-5-5', email: 'claude-haiku-5-5' },
  features: { ask: false },
  redaction: { extraPatterns: ['REP-\\d+'], deniedFields: ['Account.Secret__c'] },
  budgets: { dailyUsd: 20 },
  auditRetentionDays: 30,
});

function policySource(values: Record<string, unknown>): PolicySource {
  return { get: async (key) => values[key] };
}

describe('effective settings under a managed policy', () => {
  it('are the rep settings, nothing locked, with no policy', () => {
    const effective = effectiveSettings(rep, {});
    expect(effective.settings).toEqual(rep);
    expect(effective.locked.size).toBe(0);
    expect(effective.hiddenFeatures.size).toBe(0);
    expect(effective.allowRepKey).toBe(true);
  });

  it('let forced values win and lock exactly those', () => {
    const effective = effectiveSettings(rep, {
      baseUrl: 'https://gateway.acme.example',
      auditRetentionDays: 365,
      budgets: { dailyUsd: 5 },
      models: { summary: 'claude-sonnet-5-5' },
      features: { brief: false },
    });
    expect(effective.settings).toMatchObject({
      baseUrl: 'https://gateway.acme.example',
      auditRetentionDays: 365,
      budgets: { dailyUsd: 5, monthlyUsd: null },
      models: { summary: 'claude-sonnet-5-5', email: 'claude-haiku-5-5' },
      features: { brief: false, ask: false, summary: true },
    });
    expect([...effective.locked].sort()).toEqual(['auditRetentionDays', 'baseUrl', 'budgets.dailyUsd', 'features.brief', 'models.summary']);
    expect(isLocked(effective, 'models.email')).toBe(false);
    expect(isLocked(effective, 'budgets.monthlyUsd')).toBe(false);
  });

  it('lock every part of a setting forced whole', () => {
    const effective = effectiveSettings(rep, { prices: { 'claude-sonnet-5-5': { input: 1, output: 5 } } });
    expect(effective.settings.prices).toEqual({ 'claude-sonnet-5-5': { input: 1, output: 5 } });
    expect(isLocked(effective, 'prices')).toBe(true);
  });

  it('hide and switch off features outside allowedFeatures, even ones the rep turned on', () => {
    const effective = effectiveSettings(rep, { allowedFeatures: ['summary', 'brief', 'email'] });
    expect([...effective.hiddenFeatures].sort()).toEqual(['ask', 'extractLead', 'gmail', 'insights', 'logNote']);
    expect(featureEnabled(effective, 'summary')).toBe(true);
    expect(featureEnabled(effective, 'insights')).toBe(false);
    expect(effective.settings.features.insights).toBe(false);
    expect(isLocked(effective, 'features.insights')).toBe(true);
  });

  it('move a model outside allowedModels to an allowed one, prefixes included', () => {
    const effective = effectiveSettings(rep, { allowedModels: ['claude-sonnet-5-5', 'claude-haiku-*'] });
    expect(effective.settings.models.summary).toBe('claude-sonnet-5-5');
    expect(effective.settings.models.email).toBe('claude-haiku-5-5');
    expect(modelAllowed(effective.allowedModels, 'claude-haiku-5-5-20260826')).toBe(true);
    expect(modelAllowed(effective.allowedModels, 'claude-opus-5-5')).toBe(false);
    const prefixOnly = effectiveSettings(rep, { allowedModels: ['claude-haiku-*'] });
    expect(prefixOnly.settings.models.summary).toBe('claude-haiku-5-5');
  });

  it('ignore the rep key when the rep may not supply one', () => {
    expect(effectiveSettings(rep, { allowRepKey: false }).settings.anthropicApiKey).toBe('');
    const withOrgKey = effectiveSettings(rep, { allowRepKey: false, anthropicApiKey: 'sk-ant-org-key-98765' });
    expect(withOrgKey.settings.anthropicApiKey).toBe('sk-ant-org-key-98765');
    expect(isLocked(withOrgKey, 'anthropicApiKey')).toBe(true);
  });

  it("send the organization's key only to the policy's base URL or Anthropic's own host, never to the rep's gateway", () => {
    const repGateway = { ...rep, baseUrl: 'https://collector.rep.example' };
    for (const policy of [{ anthropicApiKey: 'sk-ant-org-key-98765' }, { anthropicApiKey: 'sk-ant-org-key-98765', allowRepKey: false }]) {
      const effective = effectiveSettings(repGateway, policy);
      expect(effective.settings.anthropicApiKey).toBe('sk-ant-org-key-98765');
      expect(effective.settings.baseUrl).toBe('');
      expect(isLocked(effective, 'baseUrl')).toBe(true);
    }
    const withOrgGateway = effectiveSettings(repGateway, { anthropicApiKey: 'sk-ant-org-key-98765', baseUrl: 'https://gateway.acme.example' });
    expect(withOrgGateway.settings.baseUrl).toBe('https://gateway.acme.example');
    // The rep's own key may still go to the rep's own gateway.
    expect(effectiveSettings(repGateway, {}).settings.baseUrl).toBe('https://collector.rep.example');
  });

  it('add the organization redaction rules to the rep ones, so a rep can redact more but never less', () => {
    const effective = effectiveSettings(rep, { redaction: { extraPatterns: ['ACME-\\d{6}'], deniedFields: ['account.secret__c', 'Contact.Birthdate'] } });
    expect(effective.settings.redaction.extraPatterns).toEqual(['ACME-\\d{6}', 'REP-\\d+']);
    expect(effective.settings.redaction.deniedFields).toEqual(['account.secret__c', 'Contact.Birthdate']);
    expect(effective.orgRedaction.extraPatterns).toEqual(['ACME-\\d{6}']);
  });

  it('restrict orgs by id, 15 and 18 characters alike', () => {
    const effective = effectiveSettings(rep, { allowedOrgIds: ['00D000000000001'] });
    expect(orgAllowed(effective, '00D000000000001EAA')).toBe(true);
    expect(orgAllowed(effective, '00D000000000002EAA')).toBe(false);
    expect(orgAllowed(effectiveSettings(rep, {}), '00D000000000002EAA')).toBe(true);
  });
});

describe('reading the managed policy', () => {
  it('keeps the valid keys and reports the invalid ones', async () => {
    const { policy, problems } = await loadManagedPolicy(
      policySource({ auditRetentionDays: 0, allowedFeatures: ['summary', 'teleport'], morningPrep: false, baseUrl: 'https://gw.acme.example' }),
    );
    expect(policy).toEqual({ morningPrep: false, baseUrl: 'https://gw.acme.example' });
    expect(problems).toHaveLength(2);
    expect(problems.join(' ')).toMatch(/"auditRetentionDays".*"allowedFeatures"|"allowedFeatures".*"auditRetentionDays"/);
  });

  it('is empty where the browser has no managed storage', async () => {
    const missing: PolicySource = {
      get: async () => {
        throw new Error('Managed storage manifest not found');
      },
    };
    expect(await loadManagedPolicy(missing)).toEqual({ policy: {}, problems: [] });
  });

  it('applies to the stored rep settings', async () => {
    const local = { data: { [SETTINGS_KEY]: rep } as Record<string, unknown>, get: async (key: string) => local.data[key], set: async () => undefined, remove: async () => undefined };
    const effective = await loadEffectiveSettings(local, policySource({ morningPrep: true }));
    expect(effective.settings.morningPrep).toBe(true);
    expect(isLocked(effective, 'morningPrep')).toBe(true);
    expect(effective.policyProblems).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------------------------
// public/managed-schema.json against the zod policy

interface ChromeSchema {
  type?: string;
  properties?: Record<string, ChromeSchema>;
  additionalProperties?: ChromeSchema;
  items?: ChromeSchema;
  enum?: unknown[];
  [attribute: string]: unknown;
}

const managedSchema = JSON.parse(readFileSync(new URL('../../../public/managed-schema.json', import.meta.url), 'utf8')) as ChromeSchema;

/** Chrome's managed-schema dialect: the attributes each type accepts (an unknown one stops the extension loading). */
const ALLOWED_ATTRIBUTES: Record<string, string[]> = {
  boolean: ['description', 'id', 'sensitiveValue', 'title', 'type'],
  integer: ['description', 'enum', 'id', 'maximum', 'minimum', 'sensitiveValue', 'title', 'type'],
  number: ['description', 'id', 'sensitiveValue', 'title', 'type'],
  string: ['description', 'enum', 'id', 'pattern', 'sensitiveValue', 'title', 'type'],
  array: ['description', 'id', 'items', 'sensitiveValue', 'title', 'type'],
  object: ['additionalProperties', 'description', 'id', 'patternProperties', 'properties', 'required', 'sensitiveValue', 'title', 'type'],
};

function unwrap(schema: z.ZodMiniType): z.ZodMiniType {
  let current = schema;
  for (;;) {
    const def = current.def as { type: string; innerType?: z.ZodMiniType };
    if (!['optional', 'default', 'prefault', 'nullable'].includes(def.type) || !def.innerType) return current;
    current = def.innerType;
  }
}

/** Walks both schemas together and lists every disagreement by path. */
function disagreements(zodSchema: z.ZodMiniType, json: ChromeSchema, path: string): string[] {
  const problems: string[] = [];
  const inner = unwrap(zodSchema);
  const def = inner.def as unknown as { type: string; shape?: Record<string, z.ZodMiniType>; element?: z.ZodMiniType; valueType?: z.ZodMiniType; entries?: Record<string, string> };
  const allowed = ALLOWED_ATTRIBUTES[json.type ?? ''];
  if (!allowed) return [`${path}: Chrome has no type ${String(json.type)}`];
  for (const attribute of Object.keys(json)) if (!allowed.includes(attribute)) problems.push(`${path}: Chrome refuses "${attribute}" on ${json.type}`);

  switch (def.type) {
    case 'object': {
      if (json.type !== 'object') return [...problems, `${path}: zod object, JSON ${json.type}`];
      const zodKeys = Object.keys(def.shape ?? {}).sort();
      const jsonKeys = Object.keys(json.properties ?? {}).sort();
      if (zodKeys.join() !== jsonKeys.join()) problems.push(`${path}: keys differ: zod [${zodKeys.join()}] JSON [${jsonKeys.join()}]`);
      for (const key of zodKeys) {
        const child = json.properties?.[key];
        if (child) problems.push(...disagreements((def.shape ?? {})[key] as z.ZodMiniType, child, `${path}.${key}`));
      }
      return problems;
    }
    case 'record':
      if (json.type !== 'object' || !json.additionalProperties) return [...problems, `${path}: zod record needs additionalProperties`];
      return [...problems, ...disagreements(def.valueType as z.ZodMiniType, json.additionalProperties, `${path}.*`)];
    case 'array':
      if (json.type !== 'array' || !json.items) return [...problems, `${path}: zod array, JSON ${json.type}`];
      return [...problems, ...disagreements(def.element as z.ZodMiniType, json.items, `${path}[]`)];
    case 'enum': {
      const values = Object.values(def.entries ?? {}).sort();
      if (json.type !== 'string' || JSON.stringify([...(json.enum ?? [])].sort()) !== JSON.stringify(values)) problems.push(`${path}: enum differs`);
      return problems;
    }
    case 'number': {
      const isInteger = z.toJSONSchema(inner).type === 'integer';
      const expected = isInteger ? 'integer' : 'number';
      return json.type === expected ? problems : [...problems, `${path}: zod ${expected}, JSON ${json.type}`];
    }
    case 'string':
    case 'boolean':
      return json.type === def.type ? problems : [...problems, `${path}: zod ${def.type}, JSON ${json.type}`];
    default:
      return [...problems, `${path}: zod type ${def.type} has no Chrome equivalent`];
  }
}

describe('the managed-storage schema', () => {
  it('describes exactly the policy keys, with the same types, in the dialect Chrome accepts', () => {
    expect(managedSchema.type).toBe('object');
    expect(managedSchema).not.toHaveProperty('additionalProperties');
    expect(disagreements(ManagedPolicy, managedSchema, 'policy')).toEqual([]);
  });

  it('would notice a policy key missing from the JSON', () => {
    const trimmed = { ...managedSchema, properties: { ...managedSchema.properties } };
    delete trimmed.properties.allowRepKey;
    expect(disagreements(ManagedPolicy, trimmed, 'policy')).toEqual([expect.stringContaining('keys differ')]);
  });

  it('lets an administrator force every setting', () => {
    expect(Object.keys(Settings.shape).filter((key) => !(key in ManagedPolicy.shape))).toEqual([]);
  });

  it('is referenced from the manifest', () => {
    const config = readFileSync(new URL('../../../wxt.config.ts', import.meta.url), 'utf8');
    expect(config).toMatch(/storage:\s*\{\s*managed_schema:\s*'managed-schema\.json'\s*\}/);
  });
});
