import { RecordGraph } from '../../salesforce/record-graph';

/**
 * The graph with every object's keys in sorted order, as extension storage gives it back: a graph read just now and
 * the same graph kept in storage then build the same context text, so a brief prepared in the background matches the
 * record the rep opens later.
 */
export function canonical(graph: RecordGraph): RecordGraph {
  const sorted: unknown = JSON.parse(JSON.stringify(graph, (_key, inner: unknown) => (isPlainObject(inner) ? sortedKeys(inner) : inner)));
  return RecordGraph.parse(sorted);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function sortedKeys(value: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.keys(value).sort().map((key) => [key, value[key]]));
}
