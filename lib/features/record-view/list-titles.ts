import { plural, t, type MessageKey } from '../../i18n';
import type { Change } from './snapshots';

/**
 * What the panel calls a related list, in the rep's language. The plans' own labels stay English: they are prompt text
 * (lib/salesforce/context/plans.ts). A list without a title here is one the org's describe named (an object without a
 * plan), shown by the label Salesforce gave it in the org's language.
 */
const LIST_TITLES: Readonly<Record<string, MessageKey>> = {
  account: 'list_account',
  convertedAccount: 'list_convertedAccount',
  contacts: 'list_contacts',
  contactRoles: 'list_contactRoles',
  openOpportunities: 'list_openOpportunities',
  closedOpportunities: 'list_closedOpportunities',
  openCases: 'list_openCases',
  accountCases: 'list_accountCases',
  tasks: 'list_tasks',
  events: 'list_events',
  notes: 'list_notes',
  history: 'list_history',
  similarDeals: 'list_similarDeals',
};

export function listTitle(list: { key: string; label: string }): string {
  const key = LIST_TITLES[list.key];
  return key ? t(key) : list.label;
}

/** A change since the last visit as the panel shows it; `changeLines` (card.ts) words it for the prompt. */
export function changeShown(change: Change): string {
  if (change.kind === 'field') return `${change.label}: ${change.before} → ${change.after}`;
  const name = change.name || plural('changes_unnamed', change.count);
  return t('changes_newIn', { list: listTitle({ key: change.listKey, label: change.list }), name });
}
