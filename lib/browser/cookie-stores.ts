/**
 * The cookie stores to read a session from, the store of the tab in view first. Firefox keeps each container's
 * cookies in a store of its own (`firefox-container-N`) and `cookies.get` without a store id reads only the default
 * one; Chrome has one store a profile ("0", and "1" for incognito).
 */
export function storesInViewOrder(stores: readonly { id: string; tabIds: readonly number[] }[], tabInView: number | undefined): string[] {
  const inView = stores.find((store) => tabInView !== undefined && store.tabIds.includes(tabInView));
  return [...(inView ? [inView.id] : []), ...stores.filter((store) => store !== inView).map((store) => store.id)];
}
