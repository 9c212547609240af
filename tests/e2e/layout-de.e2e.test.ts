import { describeEveryView } from './layout-views';

// German runs about a third longer than English: the same views, the same checks, in a German browser.
describeEveryView('de');
