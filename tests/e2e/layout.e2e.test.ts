import { describeEveryView } from './layout-views';

describeEveryView('en');
