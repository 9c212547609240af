import type { ReactNode } from 'react';

/** One labelled state of the panel: what is going on, in a sentence or two, and what the rep can do. */
export function Notice({ state, title, tone = 'info', children }: { state: string; title: string; tone?: 'info' | 'error'; children: ReactNode }) {
  return (
    <section
      className={`slds-box slds-theme_default gw-notice gw-notice_${tone}`}
      data-testid="panel-state"
      data-state={state}
      role={tone === 'error' ? 'alert' : 'status'}
      aria-labelledby="gw-notice-title"
    >
      <h2 id="gw-notice-title" className="slds-text-heading_small slds-m-bottom_x-small">
        {title}
      </h2>
      <div className="slds-text-body_regular">{children}</div>
    </section>
  );
}
