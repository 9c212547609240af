import { OUTPUT_LANGUAGE_CODES, OUTPUT_LANGUAGES, resolveOutputLanguage, supportedLanguage, type OutputLanguageChoice } from '../../lib/settings/languages';
import { t } from '../../lib/i18n';
import { describedBy, Field, Section } from './fields';
import type { SettingsForm } from './use-settings-draft';

/** The language summaries, briefs, insights and drafts are written in, and whether a reply follows its thread's. */
export function LanguageSection({ form, browserLanguage }: { form: SettingsForm; browserLanguage: string }) {
  const { draft, change, locked } = form;
  const { settings } = form.loaded.effective;
  const outputLocked = locked('outputLanguage');
  const replyLocked = locked('replyLanguage');
  const choice = outputLocked ? settings.outputLanguage : draft.outputLanguage;
  const followsThread = (replyLocked ? settings.replyLanguage : draft.replyLanguage) === 'thread';
  const browserChoice = supportedLanguage(browserLanguage);
  const browserLabel = browserChoice
    ? t('language_browser', { language: OUTPUT_LANGUAGES[browserChoice].ownName })
    : t('language_browserUnsupported', { language: browserLanguage });
  const writtenIn = OUTPUT_LANGUAGES[resolveOutputLanguage(choice, browserLanguage)].ownName;
  const help = outputLocked ? t('language_forced', { language: writtenIn }) : t('language_help', { language: writtenIn });
  return (
    <Section title={t('language_title')} id="gw-section-language">
      <Field id="gw-output-language" label={t('language_writeIn')} help={help} locked={outputLocked}>
        <select
          id="gw-output-language"
          className="slds-select"
          value={choice}
          disabled={outputLocked}
          onChange={(event) => change({ outputLanguage: event.target.value as OutputLanguageChoice })}
          aria-describedby={describedBy('gw-output-language', true, outputLocked)}
          data-testid="output-language"
        >
          <option value="browser">{browserLabel}</option>
          {OUTPUT_LANGUAGE_CODES.map((code) => (
            <option key={code} value={code} lang={code}>
              {OUTPUT_LANGUAGES[code].ownName}
            </option>
          ))}
        </select>
      </Field>
      <div className="slds-form-element">
        <div className="slds-checkbox">
          <input
            id="gw-reply-language"
            type="checkbox"
            checked={followsThread}
            disabled={replyLocked}
            onChange={(event) => change({ replyLanguage: event.target.checked ? 'thread' : 'setting' })}
            aria-describedby="gw-reply-language-help"
            data-testid="reply-follows-thread"
          />
          <label className="slds-checkbox__label" htmlFor="gw-reply-language">
            <span className="slds-checkbox_faux" />
            <span className="slds-form-element__label">{t('language_replyLabel')}</span>
          </label>
        </div>
        <div id="gw-reply-language-help" className="slds-form-element__help" data-testid={replyLocked ? 'locked-note' : undefined}>
          {replyLocked ? `${t('options_locked')}. ` : ''}
          {t('language_replyHelp')}
        </div>
      </div>
    </Section>
  );
}
