import { describe, expect, it } from 'vitest';
import { promptVariants } from '../../../lib/features/governance/prompt-variants';
import { assignVariant, promptFile, renderPrompt } from '../../../lib/prompts';
import { memoryStore } from '../memory-store';

describe('prompt variants', () => {
  it('assigns a rep the same variant of a prompt every time, and splits reps about evenly', () => {
    const reps = Array.from({ length: 2_000 }, (_, index) => `rep-${index}`);
    for (const rep of reps.slice(0, 50)) expect(assignVariant(rep, 'summary')).toBe(assignVariant(rep, 'summary'));
    const b = reps.filter((rep) => assignVariant(rep, 'summary') === 'B').length;
    expect(b).toBeGreaterThan(900);
    expect(b).toBeLessThan(1_100);
  });

  it('splits reps independently per prompt', () => {
    const reps = Array.from({ length: 400 }, (_, index) => `rep-${index}`);
    const same = reps.filter((rep) => assignVariant(rep, 'summary') === assignVariant(rep, 'email')).length;
    expect(same).toBeGreaterThan(150);
    expect(same).toBeLessThan(250);
  });

  it('renders the B file for a B rep and A for a prompt without a B', () => {
    expect(promptFile('summary', 'B')).toMatchObject({ id: 'summary', variant: 'B' });
    expect(renderPrompt('summary', { context: '[r1] Account: Globex' }, 'B')).toMatchObject({ id: 'summary', variant: 'B' });
    expect(renderPrompt('summary', { context: '[r1] Account: Globex' }, 'B').system[1]?.text).toContain('Bottom line');
    expect(renderPrompt('email', { context: 'x', extra: { recipient: 'Dana', purpose: 'follow-up', tone: 'friendly', length: 'short', sender: 'Alex' } }, 'B')).toMatchObject({ variant: 'A' });
  });

  it('keeps the rep id in local storage: the same variant after the worker restarts', async () => {
    const local = memoryStore();
    let made = 0;
    const newId = () => `00000000-0000-4000-8000-00000000000${made++}`;
    const first = promptVariants(local, newId);
    const chosen = await first('summary');
    expect(await promptVariants(local, newId)('summary')).toBe(chosen);
    expect(made).toBe(1);
    expect(await first('email')).toBe('A');
  });
});
