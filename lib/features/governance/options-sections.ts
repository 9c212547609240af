/** The options page's sections, in its navigation's order; `settings` sections edit the one settings draft. */
export const OPTIONS_SECTIONS = [
  { id: 'key', label: 'Key & models', settings: true },
  { id: 'features', label: 'Features', settings: true },
  { id: 'language', label: 'Language', settings: true },
  { id: 'privacy', label: 'Privacy', settings: true },
  { id: 'budgets', label: 'Budgets & prices', settings: true },
  { id: 'orgs', label: 'Orgs & sign-in', settings: true },
  { id: 'audit', label: 'Audit', settings: false },
  { id: 'usage', label: 'Usage', settings: false },
] as const;

export type OptionsSection = (typeof OPTIONS_SECTIONS)[number]['id'];

/** The section an address names (options.html#budgets); the first one for anything else. */
export function sectionFromHash(hash: string): OptionsSection {
  const wanted = decodeURIComponent(hash.replace(/^#/, ''));
  return OPTIONS_SECTIONS.find((section) => section.id === wanted)?.id ?? 'key';
}
