/** Morning prep as the background registers it: an hourly alarm, and a run as soon as the rep switches it on. */
import { onLocalChange, type KeyValueStore } from '../../browser';
import type { FeatureRegistration } from '../../messaging/feature-handler';
import { SETTINGS_KEY } from '../../settings';
import { createMorningPrep, MORNING_PREP_ALARM, MORNING_PREP_PERIOD_MINUTES, type MorningPrepDeps } from './morning-prep';

/** Whether morning prep was on when the settings last changed, this browser session. */
const MORNING_PREP_SEEN_KEY = 'morning-prep:seen-on';

/**
 * The settings changing from morning prep off to on. The value seen last is kept in session storage, so a change that
 * wakes a stopped worker is compared with the one before it; the first change of a browser session with morning prep
 * on counts as switching it on (a repeated run only reads).
 */
function watchMorningPrepEnabled(deps: Pick<MorningPrepDeps, 'settings'> & { session: KeyValueStore }, listener: () => void): void {
  onLocalChange([SETTINGS_KEY], () => {
    void (async () => {
      const now = (await deps.settings.effective()).settings.morningPrep;
      const before = await deps.session.get(MORNING_PREP_SEEN_KEY);
      await deps.session.set(MORNING_PREP_SEEN_KEY, now);
      if (now && before !== true) listener();
    })();
  });
}

export function createMorningPrepFeature(
  deps: MorningPrepDeps & { session: KeyValueStore },
  onEnabled: (listener: () => void) => void = (listener) => watchMorningPrepEnabled(deps, listener),
): FeatureRegistration {
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
