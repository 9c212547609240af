/**
 * The Anthropic client for the background worker: streamed generations with Stop, structured output checked with zod,
 * failures in plain words, and usage, latency and cost for the audit.
 */
export {
  createClient,
  defaultModelFor,
  FALLBACK_MODELS,
  generateJson,
  listModels,
  streamGeneration,
  toContentParams,
} from './client';
export { CACHE_READ_FACTOR, CACHE_WRITE_FACTOR, costOf, PRICES, priceOf, type Price, type PriceTable } from './prices';
export {
  ModelProblem,
  modelProblem,
  SPEND_LIMIT_CODE,
  toModelProblem,
  type ModelProblemKind,
} from './problems';
export type {
  GenerationRequest,
  GenerationResult,
  ModelInfo,
  ModelSettings,
  StreamEvents,
  StructuredOutput,
  PromptBlock,
  UseCase,
  Usage,
} from './types';
export { textOf } from './types';
