import { TextInput, type TextInputProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/**
 * A date typed as text in the local form (dd.mm.yyyy in German). Native date pickers show the
 * browser's locale, not the page's, so German staff would see US dates in an English browser.
 */
export function DateField(props: TextInputProps) {
  const { t } = useTranslation();
  return (
    <TextInput
      inputMode="numeric"
      autoComplete="off"
      description={props.description ?? t('date.hint')}
      {...props}
    />
  );
}
