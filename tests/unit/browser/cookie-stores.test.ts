/** Which cookie stores a Salesforce session is read from first: the one of the tab in view (a Firefox container). */
import { describe, expect, it } from 'vitest';
import { storesInViewOrder } from '../../../lib/browser/cookie-stores';

const FIREFOX = [
  { id: 'firefox-default', tabIds: [1, 2] },
  { id: 'firefox-container-1', tabIds: [3] },
  { id: 'firefox-container-2', tabIds: [4, 5] },
];

describe('storesInViewOrder', () => {
  it('reads the container of the tab in view first, then the others, default first', () => {
    expect(storesInViewOrder(FIREFOX, 4)).toEqual(['firefox-container-2', 'firefox-default', 'firefox-container-1']);
    expect(storesInViewOrder(FIREFOX, 1)).toEqual(['firefox-default', 'firefox-container-1', 'firefox-container-2']);
  });

  it('keeps the browser’s order when no tab is in view or it belongs to no store (Chrome: one store a profile)', () => {
    expect(storesInViewOrder(FIREFOX, undefined)).toEqual(['firefox-default', 'firefox-container-1', 'firefox-container-2']);
    expect(storesInViewOrder([{ id: '0', tabIds: [7] }], 99)).toEqual(['0']);
  });
});
