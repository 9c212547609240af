import type { ReactNode } from 'react';
import { Icon, type IconName } from './Icon';

export type AlertTone = 'error' | 'warning' | 'info' | 'success';

/** The next step an alert offers: open settings, reload the Salesforce tab, retry… */
export interface AlertAction {
  label: string;
  onClick(): void;
  testId: string;
  /** The one step the alert is about (a brand button). */
  primary?: boolean;
  disabled?: boolean;
}

const TONES: Record<AlertTone, { className: string; icon: IconName; word: string }> = {
  error: { className: 'slds-scoped-notification slds-media slds-media_center gw-alert gw-alert_error', icon: 'error', word: 'Error' },
  warning: { className: 'slds-scoped-notification slds-media slds-media_center gw-alert gw-alert_warning', icon: 'warning', word: 'Warning' },
  info: { className: 'slds-scoped-notification slds-media slds-media_center gw-alert gw-alert_info', icon: 'info', word: 'Information' },
  success: { className: 'slds-scoped-notification slds-media slds-media_center gw-alert gw-alert_success', icon: 'success', word: 'Done' },
};

interface Props {
  tone: AlertTone;
  title?: string;
  children?: ReactNode;
  actions?: readonly AlertAction[];
  testId?: string;
  /** Extra attributes tests read (the problem's kind…). */
  data?: Record<`data-${string}`, string>;
}

/**
 * An SLDS scoped notification: what went wrong (or what to know) in words, and the next step as a button. Errors are
 * alerts, read out at once; the others are polite status messages.
 */
export function Alert({ tone, title, children, actions = [], testId, data = {} }: Props) {
  const { className, icon, word } = TONES[tone];
  return (
    <div className={className} role={tone === 'error' ? 'alert' : 'status'} data-testid={testId} {...data}>
      <div className="slds-media__figure">
        <Icon name={icon} size="small" label={word} />
      </div>
      <div className="slds-media__body gw-alert__body">
        {title && <p className="gw-alert__title">{title}</p>}
        {children && <div className="gw-alert__text">{children}</div>}
        {actions.length > 0 && (
          <div className="gw-alert__actions">
            {actions.map((action) => (
              <button
                key={action.testId}
                type="button"
                className={`slds-button ${action.primary ? 'slds-button_brand' : 'slds-button_neutral'}`}
                onClick={action.onClick}
                disabled={action.disabled}
                data-testid={action.testId}
              >
                {action.label}
              </button>
            ))}
          </div>
        )}
      </div>
    </div>
  );
}
