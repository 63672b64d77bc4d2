import { Button, Paper, Stack, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { passwordMinLength } from '../../../shared/schemas/auth';
import { ApiError, api } from '../../app/api';
import { useMeta } from '../../app/queries';
import { useUser } from '../../app/session';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { useFormMutation } from '../../ui/forms/useFormMutation';
import { PasswordField } from '../../ui/PasswordField';
import { passwordProblem } from './passwordRule';

/** Current password, new password (with the rules checked as you go) and its repetition. */
export function ChangePasswordForm({ onChanged }: { onChanged?: () => void }) {
  const { t } = useTranslation();
  const user = useUser();
  const demo = useMeta().data?.demo ?? true;
  const form = useForm({
    initialValues: { currentPassword: '', newPassword: '', repeatPassword: '' },
    validate: {
      currentPassword: (v) => (v ? null : t('validation.required')),
      newPassword: (v) => passwordProblem(v, user.username, t, demo),
      repeatPassword: (v, values) => (v === values.newPassword ? null : t('validation.passwordsDiffer')),
    },
  });

  const { mutation, formRef, onSubmit } = useFormMutation({
    form,
    mutationFn: (values: typeof form.values) =>
      api.post<void>('/api/auth/password', {
        currentPassword: values.currentPassword,
        newPassword: values.newPassword,
      }),
    notify: t('password.changed'),
    onSaved: () => {
      form.reset();
      onChanged?.();
    },
    // the two refusals of the password route belong to their fields
    onFailed: (error) => {
      if (!(error instanceof ApiError)) return false;
      const field = { WRONG_PASSWORD: 'currentPassword', WEAK_PASSWORD: 'newPassword' }[error.code ?? ''];
      if (field) form.setFieldError(field, error.message);
      return !!field;
    },
  });

  return (
    <Stack>
      <Text>{t('password.rule', { min: passwordMinLength })}</Text>
      <ErrorAlert error={mutation.error} />
      <Paper withBorder p="lg" radius="md" maw={520}>
        <form ref={formRef} onSubmit={onSubmit} noValidate>
          <Stack>
            <PasswordField
              label={t('password.current')}
              autoComplete="current-password"
              required
              {...form.getInputProps('currentPassword')}
            />
            <PasswordField
              label={t('password.new')}
              autoComplete="new-password"
              required
              {...form.getInputProps('newPassword')}
            />
            <PasswordField
              label={t('password.repeat')}
              autoComplete="new-password"
              required
              {...form.getInputProps('repeatPassword')}
            />
            <Button type="submit" loading={mutation.isPending}>
              {t('password.submit')}
            </Button>
          </Stack>
        </form>
      </Paper>
    </Stack>
  );
}
