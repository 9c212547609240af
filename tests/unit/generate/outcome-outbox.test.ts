import { describe, expect, it } from 'vitest';
import { OutcomeOutbox, type PendingReport } from '../../../lib/features/generate/outcome-outbox';
import { memoryStore } from '../memory-store';

const KEY = 'panel:outcome-reports:1';

function outbox(store = memoryStore()) {
  const sent: PendingReport[] = [];
  let next = 0;
  const box = new OutcomeOutbox(store, KEY, (report) => sent.push(report), () => `r${(next += 1)}`);
  return { box, sent, store };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('the panel’s outbox of outcome reports', () => {
  it('sends a report at once and keeps it in storage until the background says it is recorded', async () => {
    const { box, sent, store } = outbox();
    box.add('email', 'g1', { kind: 'used', via: 'copy', finalText: 'Subject: Hi\n\nBody' });
    expect(sent.map((report) => report.reportId)).toEqual(['r1']);
    await settle();
    expect(await store.get(KEY)).toHaveLength(1);
    box.acknowledge('r1');
    await settle();
    expect(await store.get(KEY)).toEqual([]);
  });

  it('sends what is not acknowledged again when the port opens: its own at once, then those a closed panel left', async () => {
    const store = memoryStore();
    const closed = outbox(store);
    closed.box.add('summary', 'g1', { kind: 'feedback', value: 'up' });
    await settle();
    const reopened = new OutcomeOutbox(store, KEY, (report) => sent.push(report), () => 'n1');
    const sent: PendingReport[] = [];
    reopened.add('summary', 'g1', { kind: 'used', via: 'copy', finalText: 'A summary.' });
    const resending = reopened.resend();
    expect(sent.map((report) => report.reportId)).toEqual(['n1', 'n1']);
    await resending;
    expect(sent.map((report) => report.reportId)).toEqual(['n1', 'n1', 'r1']);
    reopened.acknowledge('r1');
    sent.length = 0;
    await reopened.resend();
    expect(sent.map((report) => report.reportId)).toEqual(['n1']);
  });

  it('keeps only the latest edit of a draft, so an older edit sent again cannot put back older text', async () => {
    const { box, sent } = outbox();
    box.add('email', 'g1', { kind: 'edit', subject: 'Hi', body: 'first' });
    box.add('email', 'g1', { kind: 'used', via: 'copy', finalText: 'Subject: Hi\n\nsecond' });
    box.add('email', 'g1', { kind: 'edit', subject: 'Hi', body: 'second' });
    sent.length = 0;
    await box.resend();
    expect(sent.map((report) => report.report.kind)).toEqual(['used', 'edit']);
    expect(sent[1]?.report).toMatchObject({ body: 'second' });
  });

  it('drops an edit a closed panel left when this panel holds a newer edit of the same draft', async () => {
    const store = memoryStore();
    const closed = outbox(store);
    closed.box.add('email', 'g1', { kind: 'edit', subject: 'Hi', body: 'older' });
    await settle();
    const sent: PendingReport[] = [];
    const reopened = new OutcomeOutbox(store, KEY, (report) => sent.push(report), () => 'n1');
    reopened.add('email', 'g1', { kind: 'edit', subject: 'Hi', body: 'newer' });
    sent.length = 0;
    await reopened.resend();
    expect(sent.map((report) => report.report)).toEqual([{ kind: 'edit', subject: 'Hi', body: 'newer' }]);
  });

  it('ignores what storage holds when it is not a list of reports', async () => {
    const store = memoryStore();
    await store.set(KEY, [{ reportId: 'x', feature: 'nope' }]);
    const { box, sent } = outbox(store);
    await box.resend();
    expect(sent).toEqual([]);
  });
});
