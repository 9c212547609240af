export {
  GenerationService,
  generatedTextOf,
  type GenerationDeps,
  type GenerationTarget,
  type GenerationAudit,
  type GenerationOutcome,
  type GenerationTrigger,
} from './service';
export { editDistance } from './edit-distance';
export { dealFindings } from './deal-checks';
export { fetchSimilarDeals } from './similar-deals';
export { validateOutput, splitEmail } from './validate';
export * from './types';
