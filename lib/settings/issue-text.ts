import type { z } from 'zod/mini';
import { t } from '../i18n';

/**
 * A validation issue of a setting or a policy value in the rep's language. Groundwork's own checks (a web address, a
 * pattern, an org id) carry their words already, taken from the catalogue when the check ran; zod's built-in checks
 * (bounds, types, choices) are worded here, since zod's own messages are English and name types, not what to enter.
 */
export function issueText(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'custom':
    case 'invalid_format':
      return issue.message;
    case 'too_small':
      return tooSmall(issue.origin, Number(issue.minimum), issue.inclusive !== false);
    case 'too_big':
      return tooBig(issue.origin, Number(issue.maximum));
    case 'invalid_type':
      return issue.expected === 'int' ? t('issue_wholeNumber') : issue.expected === 'number' ? t('issue_number') : t('issue_wrongKind');
    case 'invalid_value':
      return t('issue_oneOf', { values: issue.values.map(String).join(', ') });
    default:
      return t('issue_invalid');
  }
}

function tooSmall(origin: string, minimum: number, inclusive: boolean): string {
  if (origin === 'number') return inclusive ? t('issue_atLeast', { limit: minimum }) : t('issue_moreThan', { limit: minimum });
  if (origin === 'array' || origin === 'set') return t('issue_fewItems', { limit: minimum });
  return minimum <= 1 ? t('issue_empty') : t('issue_shortText', { limit: minimum });
}

function tooBig(origin: string, maximum: number): string {
  if (origin === 'number') return t('issue_atMost', { limit: maximum });
  if (origin === 'array' || origin === 'set') return t('issue_manyItems', { limit: maximum });
  return t('issue_longText', { limit: maximum });
}
