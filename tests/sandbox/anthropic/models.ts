/**
 * GET /v1/models and /v1/models/{id}: the documented list shape (newest first, `limit` 1–1000 default 20,
 * `after_id` / `before_id` cursors, has_more, first_id, last_id). The names are data: the product must list them at run
 * time, not hard-code them.
 */
import { DEMO_MODEL } from './demo';
import { ApiError, invalidRequest } from './errors';

export interface ModelInfo {
  type: 'model';
  id: string;
  display_name: string;
  created_at: string;
  max_input_tokens: number;
  max_tokens: number;
}

const model = (id: string, displayName: string, createdAt: string, maxTokens: number): ModelInfo => ({
  type: 'model',
  id,
  display_name: displayName,
  created_at: createdAt,
  max_input_tokens: 200_000,
  max_tokens: maxTokens,
});

/** Newest first, as the API lists them. */
export const MODELS: readonly ModelInfo[] = [
  model('claude-opus-5-5', 'Claude Opus 5.5', '2026-09-30T00:00:00Z', 64_000),
  model('claude-sonnet-5-5', 'Claude Sonnet 5.5', '2026-09-16T00:00:00Z', 64_000),
  model('claude-haiku-5-5', 'Claude Haiku 5.5', '2026-08-26T00:00:00Z', 64_000),
  model('claude-sonnet-4-5', 'Claude Sonnet 4.5', '2025-09-29T00:00:00Z', 64_000),
  model('claude-haiku-4-5', 'Claude Haiku 4.5', '2025-10-01T00:00:00Z', 64_000),
  // The sandbox's own model (demo/): listed so a client can choose it by name and show its display name.
  model(DEMO_MODEL.id, DEMO_MODEL.displayName, '2025-01-01T00:00:00Z', 8_000),
];

/**
 * Listed models and any other `claude-` name are served (the fake cannot know every alias or snapshot the product
 * might be configured with); anything else is the API's 404 "model: <name>".
 */
export function checkModel(id: string): void {
  if (!MODELS.some((item) => item.id === id) && !id.startsWith('claude-')) {
    throw new ApiError(404, 'not_found_error', `model: ${id}`);
  }
}

export function getModel(id: string): ModelInfo {
  const found = MODELS.find((item) => item.id === id);
  if (!found) throw new ApiError(404, 'not_found_error', `model: ${id}`);
  return found;
}

export function listModels(query: URLSearchParams): { data: ModelInfo[]; has_more: boolean; first_id: string | null; last_id: string | null } {
  const limit = Number(query.get('limit') ?? '20');
  if (!Number.isInteger(limit) || limit < 1 || limit > 1000) {
    throw invalidRequest('limit: Input should be between 1 and 1000');
  }
  const afterId = query.get('after_id');
  const beforeId = query.get('before_id');
  let start = 0;
  let end = MODELS.length;
  if (afterId !== null) start = indexOf(afterId) + 1;
  if (beforeId !== null) end = indexOf(beforeId);
  const window = MODELS.slice(start, end);
  // With before_id the page is the one just before the cursor, as the API pages backwards.
  const data = beforeId !== null && afterId === null ? window.slice(-limit) : window.slice(0, limit);
  const has_more = data.length < window.length;
  return { data, has_more, first_id: data[0]?.id ?? null, last_id: data[data.length - 1]?.id ?? null };
}

function indexOf(id: string): number {
  const index = MODELS.findIndex((item) => item.id === id);
  if (index < 0) throw invalidRequest(`Invalid cursor: ${id}`);
  return index;
}
