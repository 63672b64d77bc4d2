import { Alert, Button, Paper, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type Location, Navigate, useLocation } from 'react-router';
import { useSession } from '../../app/session';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { Page } from '../../ui/Page';
import { PasswordField } from '../../ui/PasswordField';

interface LoginState {
  from?: Location;
  expired?: boolean;
}

export function LoginPage() {
  const { t } = useTranslation();
  const { state, login } = useSession();
  const location = useLocation();
  const navState = (location.state ?? {}) as LoginState;
  const [error, setError] = useState<unknown>(null);
  const [submitting, setSubmitting] = useState(false);

  const form = useForm({
    initialValues: { username: '', password: '' },
    validate: {
      username: (v) => (v.trim() ? null : t('validation.required')),
      password: (v) => (v ? null : t('validation.required')),
    },
  });

  if (state.status === 'authenticated') {
    const from = navState.from;
    const target = from && from.pathname !== '/login' ? `${from.pathname}${from.search}` : '/';
    return <Navigate to={target} replace />;
  }

  const onSubmit = form.onSubmit(async (values) => {
    setError(null);
    setSubmitting(true);
    try {
      await login(values.username.trim(), values.password);
    } catch (e) {
      setError(e);
      form.setFieldValue('password', '');
    } finally {
      setSubmitting(false);
    }
  });

  return (
    <Page title={t('login.title')}>
      {navState.expired && !error ? (
        <Alert color="blue" variant="outline" title={t('login.expiredTitle')}>
          {t('login.expiredText')}
        </Alert>
      ) : null}
      <ErrorAlert error={error} title={t('login.failed')} />
      <Paper withBorder p="lg" radius="md">
        <form onSubmit={onSubmit} noValidate>
          <Stack>
            <TextInput
              label={t('login.username')}
              autoComplete="username"
              required
              {...form.getInputProps('username')}
            />
            <PasswordField
              label={t('login.password')}
              autoComplete="current-password"
              required
              {...form.getInputProps('password')}
            />
            <Button type="submit" loading={submitting}>
              {t('login.submit')}
            </Button>
          </Stack>
        </form>
      </Paper>
    </Page>
  );
}
