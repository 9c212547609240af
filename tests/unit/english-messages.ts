import { setMessageSource } from '../../lib/i18n';
import { localeSource } from './i18n/catalogue';

setMessageSource(localeSource('en'));
