/** The options page's sections, in its navigation's order; `settings` sections edit the one settings draft. */
export const OPTIONS_SECTIONS = [
  { id: 'key', label: 'options_sectionKey', settings: true },
  { id: 'features', label: 'options_sectionFeatures', settings: true },
  { id: 'language', label: 'options_sectionLanguage', settings: true },
  { id: 'privacy', label: 'options_sectionPrivacy', settings: true },
  { id: 'budgets', label: 'options_sectionBudgets', settings: true },
  { id: 'orgs', label: 'options_sectionOrgs', settings: true },
  { id: 'audit', label: 'options_sectionAudit', settings: false },
  { id: 'usage', label: 'options_sectionUsage', settings: false },
] as const;

export type OptionsSection = (typeof OPTIONS_SECTIONS)[number]['id'];

/** The section an address names (options.html#budgets); the first one for anything else. */
export function sectionFromHash(hash: string): OptionsSection {
  const wanted = decodeURIComponent(hash.replace(/^#/, ''));
  return OPTIONS_SECTIONS.find((section) => section.id === wanted)?.id ?? 'key';
}
