/**
 * Generate: the record summary, meeting brief, deal insights and email draft, streamed from the record's cited,
 * redacted context, checked (citations, grounding, each use case's rules) and kept for an unchanged record.
 */
export { GenerationService, type GenerationDeps, type GenerationTarget, type GenerationAudit, type GenerationTrigger } from './service';
export { generatedTextOf, type GenerationOutcome } from './outcomes';
export { editDistance } from './edit-distance';
export { fetchSimilarDeals } from './similar-deals';
export { validateOutput, splitEmail } from './validate';
export * from './messages';
export { createGenerateHandler, type GenerateHandlerDeps } from './handler';
