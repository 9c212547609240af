import '../../lib/messaging/zod-jitless';
import '@salesforce-ux/design-system/assets/styles/salesforce-lightning-design-system.css';
import '../../components/shared/theme.css';
import { createRoot } from 'react-dom/client';
import { currentWindowId } from '../../lib/browser';
import { App } from './App';

const root = document.getElementById('root');
if (root) {
  void currentWindowId().then((windowId) => {
    createRoot(root).render(<App windowId={windowId} />);
  });
}
