import '../../lib/messaging/zod-jitless';
import '@salesforce-ux/design-system/assets/styles/salesforce-lightning-design-system.css';
import '../../components/shared/theme.css';
import { createRoot } from 'react-dom/client';
import { localStore } from '../../lib/browser';
import { managedStore } from '../../lib/browser/managed';
import { OptionsPage } from '../../components/governance/OptionsPage';

const stores = { local: localStore(), managed: managedStore() };
const root = document.getElementById('root');
if (root) createRoot(root).render(<OptionsPage stores={stores} />);
