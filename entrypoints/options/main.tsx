import '../../lib/messaging/zod-setup';
import '@salesforce-ux/design-system/assets/styles/salesforce-lightning-design-system.css';
import '../../components/shared/theme.css';
import { createRoot } from 'react-dom/client';
import { localStore, sendToBackground } from '../../lib/browser';
import { TeamUsageReply } from '../../lib/features/governance/org-audit/team-messages';
import { managedStore } from '../../lib/browser/managed';
import { browserUiLanguage } from '../../lib/browser/ui-language';
import { OptionsPage } from '../../components/governance/OptionsPage';
import { uiLocale } from '../../lib/i18n';

// Screen readers and hyphenation follow the page's language: the browser's UI language the words are in.
document.documentElement.lang = uiLocale();

const stores = {
  local: localStore(),
  managed: managedStore(),
  uiLanguage: browserUiLanguage(),
  teamUsage: async (request: unknown) => TeamUsageReply.parse(await sendToBackground(request)),
};
const root = document.getElementById('root');
if (root) createRoot(root).render(<OptionsPage stores={stores} />);
