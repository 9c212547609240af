/**
 * Salesforce host families. A host counts only when it ends with one of these suffixes exactly, so look-alikes such as
 * `acme.lightning.force.com.evil.example` are never Salesforce.
 */

/** Hosts where the org's REST API answers and where the API-usable `sid` cookie lives (My Domain). */
const API_HOST_SUFFIXES = [
  '.my.salesforce.com',
  '.sandbox.my.salesforce.com',
  '.develop.my.salesforce.com',
  '.scratch.my.salesforce.com',
  '.trailblaze.my.salesforce.com',
];

/** Lightning Experience hosts: record pages live here, but their `sid` is not usable for the API. */
const LIGHTNING_HOST_SUFFIXES = [
  '.lightning.force.com',
  '.sandbox.lightning.force.com',
  '.develop.lightning.force.com',
  '.scratch.lightning.force.com',
  '.trailblaze.lightning.force.com',
];

const SETUP_HOST_SUFFIXES = ['.my.salesforce-setup.com', '.sandbox.my.salesforce-setup.com'];

const MY_DOMAIN_LABEL = /^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:--[a-z0-9]+)*$/;

function hasFamilySuffix(host: string, suffixes: readonly string[]): boolean {
  const lower = host.toLowerCase();
  return suffixes.some((suffix) => {
    if (!lower.endsWith(suffix)) return false;
    const label = lower.slice(0, -suffix.length);
    return MY_DOMAIN_LABEL.test(label);
  });
}

export function isApiHost(host: string): boolean {
  return hasFamilySuffix(host, API_HOST_SUFFIXES);
}

export function isLightningHost(host: string): boolean {
  return hasFamilySuffix(host, LIGHTNING_HOST_SUFFIXES);
}

export function isSalesforceHost(host: string): boolean {
  return isApiHost(host) || isLightningHost(host) || hasFamilySuffix(host, SETUP_HOST_SUFFIXES);
}

/** The URL of a page on a Salesforce host over https, or null. */
export function salesforcePageUrl(url: string): URL | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== 'https:' || parsed.username || parsed.password) return null;
  return isSalesforceHost(parsed.hostname) ? parsed : null;
}

/** The Lightning host of an org's My Domain API host (`acme.my.salesforce.com` → `acme.lightning.force.com`). */
export function lightningHostFor(apiHost: string): string {
  return apiHost.replace(/\.my\.salesforce\.com$/, '.lightning.force.com');
}
