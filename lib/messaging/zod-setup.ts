/**
 * Imported first by every extension context that validates with zod. Zod probes `new Function` to decide whether to
 * compile its parsers; the extension's CSP forbids eval, so the probe only fails and files a CSP violation report.
 * Jitless mode skips the probe (the parsers are the same ones that run when the probe fails).
 * zod/mini ships no issue messages of its own ("Invalid input" for everything): the English ones are what a policy
 * problem, a settings error and a malformed model answer's audit entry quote.
 */
import { z } from 'zod/mini';

z.config({ jitless: true, ...z.locales.en() });
