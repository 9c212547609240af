import type { ReactNode } from 'react';
import { t } from '../../lib/i18n';


/** A labelled form element; a locked one says who set it. */
export function Field({ id, label, help, locked, children }: { id: string; label: string; help?: string; locked?: boolean; children: ReactNode }) {
  return (
    <div className="slds-form-element slds-m-bottom_small">
      <label className="slds-form-element__label" htmlFor={id}>
        {label}
      </label>
      <div className="slds-form-element__control">{children}</div>
      {locked && (
        <div id={`${id}-locked`} className="slds-form-element__help" data-testid="locked-note">
          {t('options_locked')}
        </div>
      )}
      {help && (
        <div id={`${id}-help`} className="slds-form-element__help">
          {help}
        </div>
      )}
    </div>
  );
}

/** The ids a field's input is described by: its help and its lock note. */
export function describedBy(id: string, help: boolean, locked: boolean): string | undefined {
  const ids = [help ? `${id}-help` : null, locked ? `${id}-locked` : null].filter((value) => value !== null);
  return ids.length > 0 ? ids.join(' ') : undefined;
}

export function Section({ title, id, children }: { title: string; id: string; children: ReactNode }) {
  return (
    <section className="slds-card slds-p-around_medium slds-m-bottom_medium" aria-labelledby={id}>
      <h2 id={id} className="slds-text-heading_medium slds-m-bottom_small">
        {title}
      </h2>
      {children}
    </section>
  );
}

/** A list typed one item per line (patterns, field names, phrases), with its help. */
export function LinesField({ id, label, help, value, onChange, testId }: { id: string; label: string; help: string; value: string; onChange(value: string): void; testId: string }) {
  return (
    <Field id={id} label={label} help={help}>
      <textarea id={id} className="slds-textarea" rows={3} value={value} onChange={(event) => onChange(event.target.value)} aria-describedby={`${id}-help`} data-testid={testId} />
    </Field>
  );
}
