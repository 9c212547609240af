/** A record's page in Lightning on the org's host. */
export const recordUrl = (host: string, objectName: string, id: string): string => `https://${host}/lightning/r/${objectName}/${id}/view`;
