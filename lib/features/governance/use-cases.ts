import type { AuditFeature } from '../../audit';
import type { Feature } from '../generate';
import type { UseCase } from '../../model/types';
import type { FeatureKey, ModelUseCase } from '../../settings';

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
export const FEATURE_LABELS: Record<FeatureKey, string> = {
  summary: 'Record summary',
  brief: 'Meeting brief',
  insights: 'Deal insights',
  email: 'Email drafts',
  logNote: 'Log a note',
  extractLead: 'Extract to Lead',
  ask: 'Ask (questions answered with SOQL)',
  gmail: 'Email in Gmail and Outlook',
};

/** The use cases a model is chosen for, as the options page names them. */
export const MODEL_USE_CASE_LABELS: Record<ModelUseCase, string> = { ...FEATURE_LABELS, ask: 'Ask' };

export const AUDIT_FEATURE_LABELS: Record<AuditFeature, string> = {
  summary: 'Summary',
  brief: 'Meeting brief',
  insights: 'Deal insights',
  email: 'Email draft',
  'log-note': 'Log a note',
  'extract-lead': 'Extract to Lead',
  ask: 'Ask',
  'gmail-insert': 'Insert into Gmail or Outlook',
  write: 'Salesforce write',
};
