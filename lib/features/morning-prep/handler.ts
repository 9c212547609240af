/** Morning prep as the background registers it: an hourly alarm, and a run as soon as the rep switches it on. */
import { onStorageChange } from '../../browser';
import type { FeatureRegistration } from '../../messaging/feature-handler';
import { SETTINGS_KEY } from '../../settings';
import { createMorningPrep, MORNING_PREP_ALARM, MORNING_PREP_PERIOD_MINUTES, type MorningPrepDeps } from './morning-prep';

const morningPrepOf = (settings: unknown): boolean =>
  typeof settings === 'object' && settings !== null && 'morningPrep' in settings && settings.morningPrep === true;

/** The rep's settings changing from morning prep off to on. */
function watchMorningPrepEnabled(listener: () => void): void {
  onStorageChange((changes, area) => {
    const change = area === 'local' ? changes[SETTINGS_KEY] : undefined;
    if (change && morningPrepOf(change.newValue) && !morningPrepOf(change.oldValue)) listener();
  });
}

export function createMorningPrepFeature(deps: MorningPrepDeps, onEnabled: (listener: () => void) => void = watchMorningPrepEnabled): FeatureRegistration {
  const prep = createMorningPrep(deps);
  onEnabled(() => void prep.run());
  return {
    name: 'morning-prep',
    alarms: [{ name: MORNING_PREP_ALARM, periodInMinutes: MORNING_PREP_PERIOD_MINUTES }],
    async onAlarm(name) {
      if (name === MORNING_PREP_ALARM) await prep.run();
    },
  };
}
