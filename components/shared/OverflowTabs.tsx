import { useLayoutEffect, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { Icon } from './Icon';
import { t, type MessageKey } from '../../lib/i18n';

/** What a tab says about its feature's work: running, a result the rep has not looked at, a problem, or nothing. */
export type TabBadge = 'running' | 'new' | 'problem' | null;

export interface TabItem {
  id: string;
  /** Short, one line: "Brief". */
  label: string;
  /** The feature's full name, for the tooltip and screen readers: "Meeting brief". */
  title: string;
  badge: TabBadge;
  testId: string;
}

const BADGE_WORDS: Record<Exclude<TabBadge, null>, MessageKey> = {
  running: 'tabs_badgeRunning',
  new: 'tabs_badgeNew',
  problem: 'tabs_badgeProblem',
};

const BADGE_CLASSES: Record<Exclude<TabBadge, null>, string> = {
  running: 'gw-tab-badge gw-tab-badge_running',
  new: 'gw-tab-badge gw-tab-badge_new',
  problem: 'gw-tab-badge gw-tab-badge_problem',
};

/** How many tabs fit beside the "More" button, the chosen one always among them. */
export function visibleTabs(widths: readonly number[], available: number, moreWidth: number, activeIndex: number): number[] {
  const all = widths.map((_, index) => index);
  if (widths.reduce((sum, width) => sum + width, 0) <= available) return all;
  const shown: number[] = [];
  let used = moreWidth;
  for (const index of all) {
    if (used + (widths[index] ?? 0) > available) break;
    shown.push(index);
    used += widths[index] ?? 0;
  }
  if (activeIndex >= 0 && !shown.includes(activeIndex)) {
    const width = widths[activeIndex] ?? 0;
    while (shown.length > 0 && used + width > available) used -= widths[shown.pop() ?? 0] ?? 0;
    shown.push(activeIndex);
  }
  return shown;
}

function TabLabel({ item }: { item: TabItem }) {
  return (
    <>
      <span className="gw-tab__label">{item.label}</span>
      {item.badge && (
        <>
          <span className={BADGE_CLASSES[item.badge]} aria-hidden="true" data-testid="tab-badge" data-badge={item.badge} />
          <span className="slds-assistive-text">{t('tabs_badge', { badge: t(BADGE_WORDS[item.badge]) })}</span>
        </>
      )}
    </>
  );
}

interface Props {
  items: readonly TabItem[];
  active: string;
  onChoose(id: string): void;
  label: string;
  /** The chosen tab's panel (only that one is mounted: what the others hold is kept in their stores). */
  panel(id: string): ReactNode;
}

/**
 * SLDS tabs that never wrap: labels stay on one line, and the tabs that do not fit the panel's width go into a "More"
 * menu, as Lightning does. Arrow keys move between the tabs shown; the menu is a list of buttons.
 */
export function OverflowTabs({ items, active, onChoose, label, panel }: Props) {
  const nav = useRef<HTMLDivElement>(null);
  const measure = useRef<HTMLDivElement>(null);
  const tabs = useRef(new Map<string, HTMLButtonElement>());
  const [shown, setShown] = useState<number[]>(() => items.map((_, index) => index));
  const [menuOpen, setMenuOpen] = useState(false);
  const activeIndex = items.findIndex((item) => item.id === active);
  const signature = items.map((item) => `${item.id}:${item.badge ?? ''}`).join('|');

  useLayoutEffect(() => {
    const container = nav.current;
    const ruler = measure.current;
    if (!container || !ruler) return;
    const layout = (): void => {
      const widths = [...ruler.querySelectorAll<HTMLElement>('[data-measure=tab]')].map((node) => node.getBoundingClientRect().width);
      const more = ruler.querySelector<HTMLElement>('[data-measure=more]')?.getBoundingClientRect().width ?? 0;
      const next = visibleTabs(widths, container.clientWidth, more, activeIndex);
      setShown((current) => (current.join() === next.join() ? current : next));
    };
    layout();
    const observer = new ResizeObserver(layout);
    observer.observe(container);
    return () => observer.disconnect();
  }, [signature, activeIndex]);

  const visible = shown.map((index) => items[index]).filter((item): item is TabItem => item !== undefined);
  const hidden = items.filter((item) => !visible.includes(item));

  const onKey = (event: KeyboardEvent, index: number): void => {
    const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
    if (!step) return;
    event.preventDefault();
    const next = visible[(index + step + visible.length) % visible.length];
    if (!next) return;
    onChoose(next.id);
    tabs.current.get(next.id)?.focus();
  };

  return (
    <div className="slds-tabs_default gw-tabs">
      <div className="gw-tabs__ruler" ref={measure} aria-hidden="true">
        {items.map((item) => (
          <span key={item.id} className="slds-tabs_default__item gw-tab" data-measure="tab">
            <TabLabel item={item} />
          </span>
        ))}
        <span className="slds-tabs_default__item gw-tab" data-measure="more">
          {t('tabs_more')} <Icon name="chevrondown" />
        </span>
      </div>
      <div className="slds-tabs_default__nav gw-tabs__nav" ref={nav}>
        <div role="tablist" aria-label={label} className="gw-tabs__list">
          {visible.map((item, index) => (
            <button
              key={item.id}
              ref={(element) => {
                if (element) tabs.current.set(item.id, element);
                else tabs.current.delete(item.id);
              }}
              type="button"
              role="tab"
              id={`gw-tab-${item.id}`}
              aria-selected={item.id === active}
              aria-controls={item.id === active ? `gw-tabpanel-${item.id}` : undefined}
              tabIndex={item.id === active ? 0 : -1}
              title={item.title}
              className={item.id === active ? 'slds-tabs_default__item gw-tab slds-is-active' : 'slds-tabs_default__item gw-tab'}
              onClick={() => onChoose(item.id)}
              onKeyDown={(event) => onKey(event, index)}
              data-testid={item.testId}
              data-badge={item.badge ?? ''}
            >
              <TabLabel item={item} />
            </button>
          ))}
        </div>
        {hidden.length > 0 && (
          <div className={menuOpen ? 'slds-dropdown-trigger slds-dropdown-trigger_click slds-is-open gw-tabs__more' : 'slds-dropdown-trigger slds-dropdown-trigger_click gw-tabs__more'}>
            <button type="button" className="slds-tabs_default__item gw-tab" aria-haspopup="true" aria-expanded={menuOpen} onClick={() => setMenuOpen(!menuOpen)} data-testid="tabs-more">
              {t('tabs_more')}
              {hidden.some((item) => item.badge) && <span className="gw-tab-badge gw-tab-badge_new" aria-hidden="true" />}
              <Icon name="chevrondown" />
            </button>
            {menuOpen && (
              <ul className="slds-dropdown slds-dropdown_right gw-tabs__menu" aria-label={t('tabs_moreLabel', { label })}>
                {hidden.map((item) => (
                  <li key={item.id} className="slds-dropdown__item">
                    <button
                      type="button"
                      className="slds-button_reset gw-tabs__menu-item"
                      title={item.title}
                      onClick={() => {
                        setMenuOpen(false);
                        onChoose(item.id);
                      }}
                      data-testid={item.testId}
                      data-badge={item.badge ?? ''}
                    >
                      <TabLabel item={item} />
                    </button>
                  </li>
                ))}
              </ul>
            )}
          </div>
        )}
      </div>
      <div id={`gw-tabpanel-${active}`} role="tabpanel" aria-labelledby={`gw-tab-${active}`} className="gw-tabs__panel" data-testid="tab-panel" data-tab={active}>
        {panel(active)}
      </div>
    </div>
  );
}
