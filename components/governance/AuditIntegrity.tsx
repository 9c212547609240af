import { useEffect, useId, useState, type ChangeEvent } from 'react';
import { parseExport, type AuditLog, type ChainHead, type Continuation, type VerifyResult } from '../../lib/audit';
import { count, dateTime } from './format';

/**
 * The chain's integrity: Verify (the log as stored is consistent), its head (what an export names), and a comparison
 * with an earlier export (the log still continues it), which is what catches a log cut short or rebuilt.
 */
export function AuditIntegrity({ log, verified, changes }: { log: AuditLog; verified: VerifyResult | null; changes: number }) {
  const [head, setHead] = useState<ChainHead | null>(null);
  useEffect(() => {
    let current = true;
    void log.head().then((found) => current && setHead(found));
    return () => {
      current = false;
    };
  }, [log, verified, changes]);

  return (
    <>
      <VerifyReport result={verified} />
      {head && (
        <p className="slds-m-top_small" data-testid="audit-chain-head" data-hash={head.hash} data-records={head.records}>
          {head.records === 0 ? (
            'The log holds no records yet.'
          ) : (
            <>
              Chain head after {count(head.records)} {head.records === 1 ? 'record' : 'records'}: <code style={{ wordBreak: 'break-all' }}>{head.hash}</code>.
            </>
          )}{' '}
          Every export names the head; keep exports where this browser cannot change them, and compare a later log with them.
        </p>
      )}
      <CompareWithExport log={log} />
    </>
  );
}

function VerifyReport({ result }: { result: VerifyResult | null }) {
  if (!result) return <p role="status" data-testid="audit-verify-result" />;
  if (result.ok) {
    return (
      <p role="status" className="slds-m-top_small" data-testid="audit-verify-result" data-ok="true">
        The log as stored is consistent: {count(result.checked)} {result.checked === 1 ? 'record' : 'records'} checked, none altered, deleted from the middle or reordered. On its
        own this cannot show that nothing was cut off the end, or that the whole log was not rebuilt: compare it with an earlier export for
        that.
      </p>
    );
  }
  const { broken } = result;
  return (
    <p role="alert" className="slds-m-top_small slds-text-color_error" data-testid="audit-verify-result" data-ok="false" data-broken-entry={broken.entryId ?? ''} data-broken-position={broken.position}>
      The chain is broken at record {broken.position + 1} (of {count(result.checked)}){broken.entryId ? `, entry ${broken.entryId}` : ''}: {broken.message}
    </p>
  );
}

type Comparison = { kind: Continuation['kind'] | 'problem'; text: string };

function comparisonText(result: Continuation, when: string): string {
  switch (result.kind) {
    case 'continues':
      return `The log continues the export of ${when}: the record it ended with is here, unchanged, and ${count(result.added)} ${result.added === 1 ? 'record was' : 'records were'} added since.`;
    case 'truncated':
      return `Records were removed from the end since the export of ${when}: it ended at record ${count(result.exported)}, the log now ends at record ${count(result.now)}.`;
    case 'rewritten':
      return `The log was rewritten since the export of ${when}: record ${count(result.record)} is no longer the one that export ended with.`;
    case 'removed-by-retention':
      return `Retention has since removed record ${count(result.record)}, where the export of ${when} ended, so the two can no longer be compared. Compare with a more recent export.`;
  }
}

function CompareWithExport({ log }: { log: AuditLog }) {
  const inputId = useId();
  const [comparison, setComparison] = useState<Comparison | null>(null);
  const read = async (event: ChangeEvent<HTMLInputElement>): Promise<void> => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    const parsed = parseExport(await file.text());
    if ('problem' in parsed) return setComparison({ kind: 'problem', text: `${file.name} ${parsed.problem}` });
    if (!parsed.chain) return setComparison({ kind: 'problem', text: `${file.name} names no chain head (it was exported by an earlier version): export again to start comparing.` });
    const when = parsed.exportedAt ? dateTime(parsed.exportedAt) : file.name;
    const result = await log.compareWith(parsed.chain);
    setComparison({ kind: result.kind, text: comparisonText(result, when) });
  };
  const ok = comparison?.kind === 'continues';
  return (
    <div className="slds-form-element slds-m-top_small">
      <label className="slds-form-element__label" htmlFor={inputId}>
        Compare with an earlier export (JSON)
      </label>
      <div className="slds-form-element__control">
        <input id={inputId} type="file" accept="application/json,.json" onChange={(event) => void read(event)} data-testid="audit-compare-file" />
      </div>
      {comparison && (
        <p role={ok ? 'status' : 'alert'} className={`slds-m-top_x-small${ok ? '' : ' slds-text-color_error'}`} data-testid="audit-compare-result" data-kind={comparison.kind}>
          {comparison.text}
        </p>
      )}
    </div>
  );
}
