import { useEffect, useId, useState, type ChangeEvent } from 'react';
import { parseExport, type AuditLog, type ChainHead, type Continuation, type VerifyResult } from '../../lib/audit';
import { dateTime } from './format';
import { plural, t } from '../../lib/i18n';
import { RichMessage } from '../shared/RichMessage';

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
            t('integrity_empty')
          ) : (
            <RichMessage text={plural('integrity_head', head.records)} parts={{ hash: <code style={{ wordBreak: 'break-all' }}>{head.hash}</code> }} />
          )}{' '}
          {t('integrity_keepExports')}
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
        {plural('integrity_consistent', result.checked)}
      </p>
    );
  }
  const { broken } = result;
  return (
    <p role="alert" className="slds-m-top_small slds-text-color_error" data-testid="audit-verify-result" data-ok="false" data-broken-entry={broken.entryId ?? ''} data-broken-position={broken.position}>
      {broken.entryId
        ? t('integrity_brokenEntry', { position: broken.position + 1, total: result.checked, entry: broken.entryId, message: broken.message })
        : t('integrity_broken', { position: broken.position + 1, total: result.checked, message: broken.message })}
    </p>
  );
}

type Comparison = { kind: Continuation['kind'] | 'problem'; text: string };

function comparisonText(result: Continuation, when: string): string {
  switch (result.kind) {
    case 'continues':
      return plural('integrity_continues', result.added, { when });
    case 'truncated':
      return t('integrity_truncated', { when, exported: result.exported, now: result.now });
    case 'rewritten':
      return t('integrity_rewritten', { when, record: result.record });
    case 'removed-by-retention':
      return t('integrity_retention', { when, record: result.record });
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
    if (!parsed.chain) return setComparison({ kind: 'problem', text: t('integrity_noHead', { file: file.name }) });
    const when = parsed.exportedAt ? dateTime(parsed.exportedAt) : file.name;
    const result = await log.compareWith(parsed.chain);
    setComparison({ kind: result.kind, text: comparisonText(result, when) });
  };
  const ok = comparison?.kind === 'continues';
  return (
    <div className="slds-form-element slds-m-top_small">
      <label className="slds-form-element__label" htmlFor={inputId}>
        {t('integrity_compare')}
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
