/**
 * Imported first by every extension context that validates with zod. Zod probes `new Function` to decide whether to
 * compile its parsers; the extension's CSP forbids eval, so the probe only fails and files a CSP violation report.
 * Jitless mode skips the probe (the parsers are the same ones that run when the probe fails).
 */
import { z } from 'zod';

z.config({ jitless: true });
