/**
 * The describes a plan needs: its object's, then those of every parent its paths cross, a level at a time (a parent's
 * describe says where the next step leads). Through OrgClient each level is one composite request at most, and
 * nothing once cached.
 */
import { AskObjectDescribe, type AskDescribes, type DescribeSource } from './describe';
import { isIdentifier, MAX_RELATIONSHIP_DEPTH, resolvePath } from './paths';
import { QueryPlan } from './plan';

/** Every field path a plan names, wherever it names one. */
export function pathsOf(plan: QueryPlan): string[] {
  return [
    ...plan.fields,
    ...plan.filters.map((filter) => filter.field),
    ...plan.aggregates.flatMap((aggregate) => (aggregate.field ? [aggregate.field] : [])),
    ...plan.groupBy,
    ...plan.orderBy.map((order) => order.field).filter((field) => field !== ''),
    ...(plan.scope ? [plan.scope.relation] : []),
  ];
}

class LoadedDescribes implements AskDescribes {
  private readonly byName = new Map<string, AskObjectDescribe | null>();

  get(objectName: string): AskObjectDescribe | null | undefined {
    return this.byName.get(objectName.toLowerCase());
  }

  has(objectName: string): boolean {
    return this.byName.has(objectName.toLowerCase());
  }

  /** A describe that does not parse is treated as unreadable: the plan is then refused, never guessed at. */
  add(objectName: string, raw: unknown): void {
    const parsed = raw === null || raw === undefined ? null : AskObjectDescribe.safeParse(raw);
    this.byName.set(objectName.toLowerCase(), parsed?.success ? parsed.data : null);
  }
}

async function load(source: DescribeSource, into: LoadedDescribes, objectNames: readonly string[]): Promise<void> {
  const wanted = [...new Set(objectNames)].filter((name) => isIdentifier(name) && !into.has(name));
  if (wanted.length === 0) return;
  const found = await source.describeAll(wanted);
  for (const name of wanted) into.add(name, found.get(name));
}

/**
 * Describes for validating `plan` (a parsed QueryPlan, or anything: a plan that does not parse needs none). Names
 * that are not identifiers are never asked for.
 */
export async function describesForPlan(source: DescribeSource, plan: unknown): Promise<AskDescribes> {
  const describes = new LoadedDescribes();
  const parsed = QueryPlan.safeParse(plan);
  if (!parsed.success || !isIdentifier(parsed.data.object)) return describes;
  await load(source, describes, [parsed.data.object]);
  const root = describes.get(parsed.data.object);
  if (!root) return describes;
  const paths = pathsOf(parsed.data);
  for (let level = 0; level < MAX_RELATIONSHIP_DEPTH; level++) {
    const pending = paths.flatMap((path) => {
      const result = resolvePath(root, path, describes);
      return result.ok === 'pending' ? result.objectNames : [];
    });
    if (pending.length === 0) break;
    await load(source, describes, pending);
  }
  return describes;
}
