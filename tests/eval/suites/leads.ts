import type { ModelPlan } from '../models';
import type { CaseOutcome } from '../scoring/scores';
import type { World } from '../world';
export async function runLeads(_world: World, _models: ModelPlan): Promise<CaseOutcome[]> { return []; }
