export { parseRecordUrl, type RecordRef } from './record-url';
export { toId18, keyPrefixOf } from './record-id';
export { isApiHost, isLightningHost, isSalesforceHost } from './hosts';
export { findApiSession, orgIdOfSid, type ApiSession, type CookieJar } from './session';
export { OrgClient, API_VERSION } from './client';
export { sharedOrgClients, type ClientFor } from './org-clients';
export { fetchRecordGraph } from './context';
export { findPersonByEmail } from './people';
export { SalesforceProblem, problem, toSalesforceProblem } from './problems';
