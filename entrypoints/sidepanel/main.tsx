import '../../lib/messaging/zod-setup';
import '@salesforce-ux/design-system/assets/styles/salesforce-lightning-design-system.css';
import '../../components/shared/theme.css';
import { createRoot } from 'react-dom/client';
import { currentWindowId } from '../../lib/browser';
import { App } from './App';
import { uiLocale } from '../../lib/i18n';

// Screen readers and hyphenation follow the page's language: the browser's UI language the words are in.
document.documentElement.lang = uiLocale();

const root = document.getElementById('root');
if (root) {
  void currentWindowId().then((windowId) => {
    createRoot(root).render(<App windowId={windowId} />);
  });
}
