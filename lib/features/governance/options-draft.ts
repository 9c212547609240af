import type { z } from 'zod/mini';
import { t, type MessageKey } from '../../i18n';
import { issueText } from '../../settings/issue-text';
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

/** The form's name for the setting an issue is about: the group (`budgets`), or its named part (`budgets.dailyUsd`). */
const FIELD_NAMES: Record<string, MessageKey> = {
  anthropicApiKey: 'settingsField_anthropicApiKey',
  baseUrl: 'settingsField_baseUrl',
  models: 'settingsField_models',
  redaction: 'settingsField_redaction',
  'redaction.extraPatterns': 'settingsField_extraPatterns',
  'redaction.deniedFields': 'settingsField_deniedFields',
  budgets: 'settingsField_budgets',
  'budgets.dailyUsd': 'settingsField_dailyUsd',
  'budgets.monthlyUsd': 'settingsField_monthlyUsd',
  'budgets.requestsPerMinute': 'settingsField_requestsPerMinute',
  auditRetentionDays: 'settingsField_auditRetentionDays',
  prices: 'settingsField_prices',
  salesforceClientId: 'settingsField_salesforceClientId',
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
  if (!issue) return t('issue_invalid');
  const [group = '', leaf, item] = issue.path.map(String);
  const named = FIELD_NAMES[`${group}.${leaf}`];
  const field = t(named ?? FIELD_NAMES[group] ?? 'settingsField_unknown');
  // A list's entry is named by its line ("Extra redaction patterns (line 2)"), a group's part by the part's name.
  const detail = named ? item : leaf;
  if (detail === undefined) return t('settings_problemAt', { field, problem: issueText(issue) });
  const where = /^\d+$/.test(detail) ? t('settings_line', { line: Number(detail) + 1 }) : detail;
  return t('settings_problemAtItem', { field, item: where, problem: issueText(issue) });
}
