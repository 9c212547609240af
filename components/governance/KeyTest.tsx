import { useState } from 'react';
import type { KeyValueStore } from '../../lib/browser';
import { keepKeyCheck, testApiKey } from '../../lib/features/governance/key-check';
import { t } from '../../lib/i18n';

/** "Test": one cheap call with the key as typed (saved or not), and the result in words. */
export function KeyTest({ local, apiKey, baseUrl, model }: { local: KeyValueStore; apiKey: string; baseUrl: string; model: string }) {
  const [result, setResult] = useState<{ ok: boolean; message: string } | null>(null);
  const [testing, setTesting] = useState(false);

  const test = async (): Promise<void> => {
    if (!apiKey) {
      setResult({ ok: false, message: t('keyTest_enterKey') });
      return;
    }
    setTesting(true);
    setResult(null);
    const outcome = await testApiKey({ apiKey, model, ...(baseUrl ? { baseUrl } : {}) });
    await keepKeyCheck(local, { apiKey, baseUrl }, outcome, new Date());
    setResult(outcome);
    setTesting(false);
  };

  return (
    <div className="slds-m-bottom_small">
      <button type="button" className="slds-button slds-button_neutral" onClick={() => void test()} disabled={testing} data-testid="test-key">
        {testing ? t('keyTest_testing') : t('keyTest_test')}
      </button>
      <p role="status" className="slds-m-top_x-small" data-testid="key-test-result" data-ok={result === null ? undefined : String(result.ok)}>
        {result?.message ?? ''}
      </p>
    </div>
  );
}
