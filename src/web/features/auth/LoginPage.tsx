import { Alert, Button, Checkbox, Paper, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type Location, Navigate, useLocation } from 'react-router';
import { ApiError } from '../../app/api';
import { useSession } from '../../app/session';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { Page } from '../../ui/Page';
import { PasswordField } from '../../ui/PasswordField';
import { landingPath } from '../start/landing';

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
  // the API answered MFA_REQUIRED: the password was right, the second factor is asked for
  const [askCode, setAskCode] = useState(false);
  const codeRef = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (askCode) codeRef.current?.focus();
  }, [askCode]);

  const form = useForm({
    initialValues: { username: '', password: '', code: '', remember: false },
    validate: {
      username: (v) => (v.trim() ? null : t('validation.required')),
      password: (v) => (v ? null : t('validation.required')),
      code: (v) => (!askCode || v.trim() ? null : t('validation.required')),
    },
  });

  if (state.status === 'authenticated') {
    const from = navState.from;
    // back to the page asked for; the bare address (or none) lands on the role's own work
    const asked = from && from.pathname !== '/login' && from.pathname !== '/';
    const target = asked ? `${from.pathname}${from.search}` : landingPath(state.user.role);
    return <Navigate to={target} replace />;
  }

  const onSubmit = form.onSubmit(async (values) => {
    setError(null);
    setSubmitting(true);
    try {
      const code = askCode ? values.code.trim() : undefined;
      await login(values.username.trim(), values.password, { code, remember: values.remember });
    } catch (e) {
      const apiCode = e instanceof ApiError ? e.code : null;
      if (apiCode === 'MFA_REQUIRED') {
        setAskCode(true);
      } else if (apiCode === 'MFA_INVALID') {
        form.setFieldValue('code', '');
        form.setFieldError('code', (e as ApiError).message);
      } else {
        setError(e);
        setAskCode(false);
        form.setFieldValue('password', '');
        form.setFieldValue('code', '');
      }
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
            {askCode ? (
              <>
                <Alert color="blue" variant="outline">
                  {t('login.codePrompt')}
                </Alert>
                <TextInput
                  label={t('login.code')}
                  description={t('login.codeHelp')}
                  autoComplete="one-time-code"
                  inputMode="numeric"
                  required
                  ref={codeRef}
                  {...form.getInputProps('code')}
                />
              </>
            ) : null}
            <Checkbox
              label={t('login.remember')}
              description={t('login.rememberHelp')}
              {...form.getInputProps('remember', { type: 'checkbox' })}
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
