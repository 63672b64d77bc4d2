import { Button, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { currentLanguage, type Language, languages } from '../i18n';

const names: Record<Language, string> = { de: 'Deutsch', en: 'English' };

/** Two buttons, each named in its own language, the current one pressed. */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const active = currentLanguage();
  return (
    <Group gap={4} wrap="nowrap" role="group" aria-label={t('language.label')}>
      {languages.map((lng) => (
        <Button
          key={lng}
          size="xs"
          variant={lng === active ? 'filled' : 'default'}
          lang={lng}
          aria-pressed={lng === active}
          onClick={() => void i18n.changeLanguage(lng)}
        >
          {names[lng]}
        </Button>
      ))}
    </Group>
  );
}
