import { setLang, useI18n } from './i18n.js';

export function LanguageSwitch() {
  const { lang, t } = useI18n();
  const other = lang === 'fr' ? 'en' : 'fr';
  return (
    <button
      type="button"
      className="link-button lang-switch"
      lang={other}
      aria-label={t('lang.switchLabel')}
      onClick={() => setLang(other)}
    >
      {t('lang.switch')}
    </button>
  );
}
