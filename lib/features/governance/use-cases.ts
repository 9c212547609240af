import type { AuditFeature } from '../../audit';
import type { Feature } from '../generate';
import type { UseCase } from '../../model/types';
import type { FeatureKey, ModelUseCase } from '../../settings';
import type { MessageKey } from '../../i18n';

/**
 * The same product features under the names each layer gives them: the model client's use cases, the settings'
 * feature switches and model choices, and the audit's features (each channel names its own switch).
 */

/** The model choice a model use case runs with. Extraction serves both "Log a note" and "Extract to Lead". */
export const MODEL_CHOICE_FOR: Record<UseCase, ModelUseCase> = {
  summary: 'summary',
  brief: 'brief',
  insights: 'insights',
  email: 'email',
  extract: 'extractLead',
  'ask-plan': 'ask',
  'ask-answer': 'ask',
};

/** The switches that allow a use case: any one of them on is enough (the route check knows the exact feature). */
export const SWITCHES_FOR: Record<UseCase, readonly FeatureKey[]> = {
  summary: ['summary'],
  brief: ['brief'],
  insights: ['insights'],
  email: ['email'],
  extract: ['logNote', 'extractLead'],
  'ask-plan': ['ask'],
  'ask-answer': ['ask'],
};

export const AUDIT_FEATURE_FOR: Record<Feature, AuditFeature> = {
  summary: 'summary',
  brief: 'brief',
  insights: 'insights',
  email: 'email',
};

/** Labels the options page and the usage view show. */
export const FEATURE_LABELS: Record<FeatureKey, MessageKey> = {
  summary: 'tab_summaryTitle',
  brief: 'tab_briefTitle',
  insights: 'tab_insightsTitle',
  email: 'feature_emailDrafts',
  logNote: 'tab_noteTitle',
  extractLead: 'menu_extractToLead',
  ask: 'feature_askSoql',
  gmail: 'feature_mail',
};

/** The use cases a model is chosen for, as the options page names them. */
export const MODEL_USE_CASE_LABELS: Record<ModelUseCase, MessageKey> = { ...FEATURE_LABELS, ask: 'tab_ask' };

export const AUDIT_FEATURE_LABELS: Record<AuditFeature, MessageKey> = {
  summary: 'tab_summary',
  brief: 'tab_briefTitle',
  insights: 'tab_insightsTitle',
  email: 'tab_emailTitle',
  'log-note': 'tab_noteTitle',
  'extract-lead': 'menu_extractToLead',
  ask: 'tab_ask',
  'gmail-insert': 'feature_mailInsert',
  write: 'feature_salesforceWrite',
};
