export interface Bar {
  label: string;
  value: number;
  /** The value as the rep reads it ("$0.42", "12,400 tokens"). */
  text: string;
}

/**
 * A horizontal bar chart as a list: every bar carries its value in text, so the chart reads the same to a screen
 * reader and prints without colour; the bars themselves are decoration.
 */
export function BarChart({ title, bars, testId }: { title: string; bars: readonly Bar[]; testId: string }) {
  const max = Math.max(0, ...bars.map((bar) => bar.value));
  return (
    <figure className="slds-m-bottom_medium" data-testid={testId}>
      <figcaption className="slds-text-title_caps slds-m-bottom_x-small">{title}</figcaption>
      <ul>
        {bars.map((bar) => (
          <li key={bar.label} className="slds-grid slds-grid_vertical-align-center slds-m-bottom_xx-small" data-testid={`${testId}-bar`} data-label={bar.label}>
            <span className="slds-size_1-of-4 slds-truncate" title={bar.label}>
              {bar.label}
            </span>
            <span className="slds-size_2-of-4" aria-hidden="true">
              <span
                style={{
                  display: 'block',
                  height: '0.75rem',
                  width: `${max === 0 ? 0 : Math.max(bar.value > 0 ? 1 : 0, (bar.value / max) * 100)}%`,
                  background: 'var(--slds-g-color-brand-base-50, #0176d3)',
                  borderRadius: '2px',
                }}
              />
            </span>
            <span className="slds-size_1-of-4 slds-p-left_x-small">{bar.text}</span>
          </li>
        ))}
      </ul>
    </figure>
  );
}
