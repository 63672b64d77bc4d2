import { Alert, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, request } from '../../app/api';
import { useAccount, useSession, useUser } from '../../app/session';
import { notifySuccess } from '../../ui/notify';
import { Page } from '../../ui/Page';
import { PasswordField } from '../../ui/PasswordField';
import { ChangePasswordForm } from './ChangePasswordForm';
import { MfaSetup } from './MfaSetup';
import { SessionList } from './SessionList';

/** Turning the second factor off, with the password (only where the role does not require it). */
function MfaDisable() {
  const { t } = useTranslation();
  const { refresh } = useSession();
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const disable = useMutation({
    mutationFn: () => request<void>('DELETE', '/api/auth/mfa', { password }),
    onSuccess: async () => {
      notifySuccess(t('account.mfa.disabled'));
      await refresh();
    },
    onError: (e) => setError(e instanceof ApiError ? (e.fieldIssues[0]?.message ?? e.message) : String(e)),
  });
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        setError(null);
        if (password) disable.mutate();
        else setError(t('validation.required'));
      }}
      noValidate
    >
      <Group align="flex-end">
        <PasswordField
          label={t('account.mfa.disablePassword')}
          autoComplete="current-password"
          value={password}
          error={error}
          onChange={(e) => setPassword(e.currentTarget.value)}
        />
        <Button type="submit" variant="outline" color="red.9" loading={disable.isPending}>
          {t('account.mfa.disable')}
        </Button>
      </Group>
    </form>
  );
}

function MfaSection() {
  const { t } = useTranslation();
  const account = useAccount();
  const { refresh } = useSession();
  return (
    <Stack>
      {account.mfaRequired ? <Text>{t('account.mfa.required')}</Text> : null}
      {account.mfaEnabled ? (
        <>
          <Alert color="green.9" variant="outline">
            {t('account.mfa.on')}
          </Alert>
          {account.mfaRequired ? null : <MfaDisable />}
        </>
      ) : (
        <>
          <Text>{t('account.mfa.off')}</Text>
          <MfaSetup onDone={() => void refresh()} />
        </>
      )}
    </Stack>
  );
}

/** "Mein Konto": second factor, signed-in devices, password. */
export function AccountPage() {
  const { t } = useTranslation();
  const user = useUser();
  return (
    <Page title={t('account.title')}>
      <Text>
        {user.displayName} ({user.username}) · {t(`roles.${user.role}`)}
      </Text>
      <Paper withBorder p="lg" radius="md" component="section" aria-labelledby="account-mfa">
        <Stack>
          <Title order={2} size="h3" id="account-mfa">
            {t('account.mfa.title')}
          </Title>
          <MfaSection />
        </Stack>
      </Paper>
      <Paper withBorder p="lg" radius="md" component="section" aria-labelledby="account-sessions">
        <Stack>
          <Title order={2} size="h3" id="account-sessions">
            {t('account.sessions.title')}
          </Title>
          <SessionList />
        </Stack>
      </Paper>
      <Paper withBorder p="lg" radius="md" component="section" aria-labelledby="account-password">
        <Stack>
          <Title order={2} size="h3" id="account-password">
            {t('password.title')}
          </Title>
          <ChangePasswordForm />
        </Stack>
      </Paper>
    </Page>
  );
}
