import { z } from 'zod/mini';
import type { OutputLanguageChoice, ReplyLanguageChoice } from '../../settings/languages';
import { FEATURES, MODEL_USE_CASES, Settings, type FeatureKey, type ModelUseCase } from '../../settings/schema';

/** The options form as the rep edits it: text for every number and list, so a half-typed value is kept as typed. */
export interface SettingsDraft {
  apiKey: string;
  baseUrl: string;
  models: Record<ModelUseCase, string>;
  features: Record<FeatureKey, boolean>;
  /** One per line. */
  extraPatterns: string;
  deniedFields: string;
  dailyUsd: string;
  monthlyUsd: string;
  requestsPerMinute: string;
  auditRetentionDays: string;
  morningPrep: boolean;
  salesforceClientId: string;
  outputLanguage: OutputLanguageChoice;
  replyLanguage: ReplyLanguageChoice;
}

export function draftFrom(settings: Settings): SettingsDraft {
  const text = (value: number | null): string => (value === null ? '' : String(value));
  return {
    apiKey: settings.anthropicApiKey,
    baseUrl: settings.baseUrl,
    models: { ...settings.models },
    features: { ...settings.features },
    extraPatterns: settings.redaction.extraPatterns.join('\n'),
    deniedFields: settings.redaction.deniedFields.join('\n'),
    dailyUsd: text(settings.budgets.dailyUsd),
    monthlyUsd: text(settings.budgets.monthlyUsd),
    requestsPerMinute: text(settings.budgets.requestsPerMinute),
    auditRetentionDays: String(settings.auditRetentionDays),
    morningPrep: settings.morningPrep,
    salesforceClientId: settings.salesforceClientId,
    outputLanguage: settings.outputLanguage,
    replyLanguage: settings.replyLanguage,
  };
}

const lines = (text: string): string[] =>
  text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '');

/** Empty means no cap; anything else must be a number (the schema then says whether it fits). */
const optionalNumber = (text: string): number | null => (text.trim() === '' ? null : Number(text.trim()));

const FIELD_NAMES: Record<string, string> = {
  anthropicApiKey: 'API key',
  baseUrl: 'Gateway base URL',
  models: 'Model',
  redaction: 'Redaction',
  budgets: 'Budgets',
  auditRetentionDays: 'Audit retention',
  prices: 'Model prices',
  salesforceClientId: 'Salesforce consumer key',
};

/**
 * The settings a draft stands for, validated like storage validates them; or what is wrong, in words naming the field.
 */
export function settingsFromDraft(draft: SettingsDraft, current: Settings): { settings: Settings } | { problem: string } {
  const candidate = {
    ...current,
    anthropicApiKey: draft.apiKey.trim(),
    baseUrl: draft.baseUrl.trim(),
    models: Object.fromEntries(MODEL_USE_CASES.map((useCase) => [useCase, draft.models[useCase]])),
    features: Object.fromEntries(FEATURES.map((feature) => [feature, draft.features[feature]])),
    redaction: { extraPatterns: lines(draft.extraPatterns), deniedFields: lines(draft.deniedFields) },
    budgets: {
      dailyUsd: optionalNumber(draft.dailyUsd),
      monthlyUsd: optionalNumber(draft.monthlyUsd),
      requestsPerMinute: optionalNumber(draft.requestsPerMinute),
    },
    auditRetentionDays: Number(draft.auditRetentionDays.trim()),
    morningPrep: draft.morningPrep,
    salesforceClientId: draft.salesforceClientId.trim(),
    outputLanguage: draft.outputLanguage,
    replyLanguage: draft.replyLanguage,
  };
  const parsed = Settings.safeParse(candidate);
  if (parsed.success) return { settings: parsed.data };
  return { problem: describeIssue(parsed.error) };
}

function describeIssue(error: z.core.$ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'Some value is not valid.';
  const [group, leaf] = issue.path.map(String);
  const name = FIELD_NAMES[group ?? ''] ?? group ?? 'A value';
  const where = leaf === undefined ? name : `${name} (${leaf})`;
  return `${where}: ${issue.message}`;
}
