import { createHash, X509Certificate } from 'node:crypto';
import { generate } from 'selfsigned';

export interface TlsMaterial {
  key: string;
  cert: string;
  /** base64 SHA-256 of the leaf's SubjectPublicKeyInfo, for Chromium's `--ignore-certificate-errors-spki-list`. */
  spki: string;
}

/** Host names the sandbox answers for; the certificate names them so that other clients can pin it too. */
const SERVED_NAMES = [
  '*.my.salesforce.com',
  '*.sandbox.my.salesforce.com',
  '*.develop.my.salesforce.com',
  '*.lightning.force.com',
  '*.sandbox.lightning.force.com',
  '*.develop.lightning.force.com',
  'api.anthropic.com',
  'mail.google.com',
  'localhost',
];

export async function createTlsMaterial(): Promise<TlsMaterial> {
  const pems = await generate([{ name: 'commonName', value: 'Groundwork sandbox' }], {
    keyType: 'ec',
    curve: 'P-256',
    extensions: [
      { name: 'basicConstraints', cA: false },
      { name: 'keyUsage', digitalSignature: true, keyEncipherment: true },
      { name: 'extKeyUsage', serverAuth: true },
      { name: 'subjectAltName', altNames: SERVED_NAMES.map((value) => ({ type: 2 as const, value })) },
    ],
  });
  return { key: pems.private, cert: pems.cert, spki: spkiHash(pems.cert) };
}

function spkiHash(certPem: string): string {
  const der = new X509Certificate(certPem).publicKey.export({ type: 'spki', format: 'der' });
  return createHash('sha256').update(der).digest('base64');
}
