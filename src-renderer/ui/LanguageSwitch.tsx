import { SegmentedControl } from '@mantine/core';
import { useI18n } from '../i18n/I18nProvider';

/** Visible on every screen, before login too: each language is labelled in itself. */
export function LanguageSwitch() {
  const { language, setLanguage, t } = useI18n();
  return (
    <SegmentedControl
      size="xs"
      aria-label={t('language.switch')}
      value={language}
      onChange={(value) => setLanguage(value === 'en' ? 'en' : 'zh')}
      data={[
        { value: 'zh', label: '中文' },
        { value: 'en', label: 'English' },
      ]}
    />
  );
}
