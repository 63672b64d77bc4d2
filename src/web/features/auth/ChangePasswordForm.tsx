import { Button, Paper, Stack, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { passwordMinLength } from '../../../shared/schemas/auth';
import { ApiError, api } from '../../app/api';
import { useMeta } from '../../app/queries';
import { useUser } from '../../app/session';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { applyFieldIssues } from '../../ui/formErrors';
import { notifySuccess } from '../../ui/notify';
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

  const mutation = useMutation({
    mutationFn: (values: typeof form.values) =>
      api.post<void>('/api/auth/password', {
        currentPassword: values.currentPassword,
        newPassword: values.newPassword,
      }),
    onSuccess: () => {
      form.reset();
      notifySuccess(t('password.changed'));
      onChanged?.();
    },
    onError: (error) => {
      if (applyFieldIssues(form, error, t('validation.invalid'))) return;
      if (error instanceof ApiError && error.code === 'WRONG_PASSWORD') {
        form.setFieldError('currentPassword', error.message);
      } else if (error instanceof ApiError && error.code === 'WEAK_PASSWORD') {
        form.setFieldError('newPassword', error.message);
      }
    },
  });

  return (
    <Stack>
      <Text>{t('password.rule', { min: passwordMinLength })}</Text>
      <ErrorAlert error={mutation.error} />
      <Paper withBorder p="lg" radius="md" maw={520}>
        <form onSubmit={form.onSubmit((values) => mutation.mutate(values))} noValidate>
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
