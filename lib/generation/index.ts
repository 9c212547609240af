export { GenerationService, type GenerationDeps, type GenerationTarget, type GenerationAudit } from './service';
export { dealFindings } from './deal-checks';
export { fetchSimilarDeals } from './similar-deals';
export { validateOutput, splitEmail } from './validate';
export * from './types';
