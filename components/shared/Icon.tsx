/**
 * Salesforce's own utility icons (from @salesforce-ux/design-system), drawn inline: Debian's Chromium has no emoji font,
 * and an inline path needs no sprite file or web-accessible resource. Only the icons named here reach the bundle.
 */
import attach from '@salesforce-ux/design-system/assets/icons/utility/attach.svg?raw';
import check from '@salesforce-ux/design-system/assets/icons/utility/check.svg?raw';
import chevrondown from '@salesforce-ux/design-system/assets/icons/utility/chevrondown.svg?raw';
import contact from '@salesforce-ux/design-system/assets/icons/utility/contact.svg?raw';
import copy from '@salesforce-ux/design-system/assets/icons/utility/copy.svg?raw';
import dislike from '@salesforce-ux/design-system/assets/icons/utility/dislike.svg?raw';
import edit from '@salesforce-ux/design-system/assets/icons/utility/edit.svg?raw';
import einstein from '@salesforce-ux/design-system/assets/icons/utility/einstein.svg?raw';
import error from '@salesforce-ux/design-system/assets/icons/utility/error.svg?raw';
import event from '@salesforce-ux/design-system/assets/icons/utility/event.svg?raw';
import info from '@salesforce-ux/design-system/assets/icons/utility/info.svg?raw';
import lead from '@salesforce-ux/design-system/assets/icons/utility/lead.svg?raw';
import like from '@salesforce-ux/design-system/assets/icons/utility/like.svg?raw';
import refresh from '@salesforce-ux/design-system/assets/icons/utility/refresh.svg?raw';
import settings from '@salesforce-ux/design-system/assets/icons/utility/settings.svg?raw';
import stop from '@salesforce-ux/design-system/assets/icons/utility/stop.svg?raw';
import success from '@salesforce-ux/design-system/assets/icons/utility/success.svg?raw';
import warning from '@salesforce-ux/design-system/assets/icons/utility/warning.svg?raw';

const SOURCES = {
  attach,
  check,
  chevrondown,
  contact,
  copy,
  dislike,
  edit,
  einstein,
  error,
  event,
  info,
  lead,
  like,
  refresh,
  settings,
  stop,
  success,
  warning,
};

export type IconName = keyof typeof SOURCES;

/** The view box and path data of an SLDS utility icon file (each is one svg of paths, 520 or 52 units square). */
export function iconShape(svg: string): { viewBox: string; paths: string[] } {
  return {
    viewBox: /viewBox="([^"]+)"/.exec(svg)?.[1] ?? '0 0 520 520',
    paths: [...svg.matchAll(/<path[^>]*\sd="([^"]+)"/g)].map((match) => match[1] ?? ''),
  };
}

const SHAPES = Object.fromEntries(Object.entries(SOURCES).map(([name, svg]) => [name, iconShape(svg)])) as Record<IconName, ReturnType<typeof iconShape>>;

const SIZES = { small: 'gw-icon gw-icon_small', 'x-small': 'gw-icon', button: 'slds-button__icon' } as const;

/**
 * An icon in the current text colour. Decorative unless given a label (then it is an image with that name); a button
 * with only an icon names itself through its own assistive text.
 */
export function Icon({ name, size = 'x-small', label, className }: { name: IconName; size?: keyof typeof SIZES; label?: string; className?: string }) {
  return (
    <svg
      className={className ? `${SIZES[size]} ${className}` : SIZES[size]}
      viewBox={SHAPES[name].viewBox}
      focusable="false"
      {...(label ? { role: 'img', 'aria-label': label } : { 'aria-hidden': true })}
    >
      {SHAPES[name].paths.map((d) => (
        <path key={d} d={d} />
      ))}
    </svg>
  );
}
