/** Whether a link in model output goes to one of the org's own record pages, on the host the rep is browsing. */
export function isOrgRecordUrl(host: string, href: string): boolean {
  try {
    const url = new URL(href);
    return url.protocol === 'https:' && url.hostname === host && url.pathname.startsWith('/lightning/r/');
  } catch {
    return false;
  }
}
