import { PasswordInput, type PasswordInputProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/**
 * Mantine's PasswordInput with the visibility toggle named in the UI language, and aria-invalid set
 * on the input when there is an error (PasswordInput sets only data-invalid, unlike TextInput).
 */
export function PasswordField(props: PasswordInputProps) {
  const { t } = useTranslation();
  return (
    <PasswordInput
      {...props}
      aria-invalid={props.error ? true : undefined}
      visibilityToggleButtonProps={{ 'aria-label': t('password.toggleVisibility') }}
    />
  );
}
