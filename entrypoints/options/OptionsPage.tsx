import { useEffect, useState, type FormEvent } from 'react';
import type { KeyValueStore } from '../../lib/browser';
import { apiKeyProblem, loadSettings, saveSettings } from '../../lib/settings';

export function OptionsPage({ store }: { store: KeyValueStore }) {
  const [apiKey, setApiKey] = useState('');
  const [status, setStatus] = useState<{ tone: 'info' | 'error'; text: string } | null>(null);

  useEffect(() => {
    void loadSettings(store).then((settings) => setApiKey(settings.anthropicApiKey));
  }, [store]);

  const save = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    const problem = apiKeyProblem(apiKey);
    if (problem) {
      setStatus({ tone: 'error', text: problem });
      return;
    }
    await saveSettings(store, { anthropicApiKey: apiKey.trim() });
    setStatus({ tone: 'info', text: 'Saved.' });
  };

  return (
    <main className="slds-p-around_large gw-options">
      <h1 className="slds-text-heading_large slds-m-bottom_medium">Groundwork settings</h1>
      <form className="slds-form slds-card slds-p-around_medium" onSubmit={(event) => void save(event)}>
        <div className="slds-form-element">
          <label className="slds-form-element__label" htmlFor="gw-api-key">
            Anthropic API key
          </label>
          <div className="slds-form-element__control">
            <input
              id="gw-api-key"
              className="slds-input"
              type="password"
              autoComplete="off"
              value={apiKey}
              onChange={(event) => setApiKey(event.target.value)}
              aria-describedby="gw-api-key-help"
              data-testid="api-key-input"
            />
          </div>
          <div id="gw-api-key-help" className="slds-form-element__help">
            Kept in this browser's extension storage and sent only to the Anthropic API.
          </div>
        </div>
        <button className="slds-button slds-button_brand slds-m-top_medium" type="submit" data-testid="save-settings">
          Save
        </button>
        {status && (
          <p role={status.tone === 'error' ? 'alert' : 'status'} className="slds-m-top_small" data-testid="settings-status">
            {status.text}
          </p>
        )}
      </form>
    </main>
  );
}
