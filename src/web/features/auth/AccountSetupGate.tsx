import { Box, Button, Container, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { LanguageSwitch } from '../../app/LanguageSwitch';
import { useAccount, useSession } from '../../app/session';
import { Page } from '../../ui/Page';
import { ChangePasswordForm } from './ChangePasswordForm';
import { MfaSetup } from './MfaSetup';

/** Whether the signed-in account must do something first (a reset password, the MFA its role requires). */
export function useAccountSetupPending(): 'password' | 'mfa' | null {
  const account = useAccount();
  if (account.passwordMustChange) return 'password';
  if (account.mfaRequired && !account.mfaEnabled) return 'mfa';
  return null;
}

/**
 * A plain frame (brand, language, one main region) like the login page's. Not PublicLayout: that imports
 * AppLayout → navigation → the feature routes → guards → this file, a cycle that breaks the nav arrays.
 */
function Frame({ children }: { children: React.ReactNode }) {
  const { t } = useTranslation();
  return (
    <>
      <Box
        component="header"
        px="md"
        py="sm"
        style={{ borderBottom: '1px solid var(--mantine-color-gray-3)' }}
      >
        <Group justify="space-between">
          <span className="q-brand">{t('app.name')}</span>
          <LanguageSwitch />
        </Group>
      </Box>
      <Container component="main" id="main" tabIndex={-1} size="sm" py="xl">
        <Stack gap="md">{children}</Stack>
      </Container>
    </>
  );
}

/** Shown instead of the app until the account has done its pending step; the API refuses the rest. */
export function AccountSetupGate({ step }: { step: 'password' | 'mfa' }) {
  const { t } = useTranslation();
  const { refresh, logout } = useSession();
  const navigate = useNavigate();
  const onLogout = async () => {
    await logout();
    navigate('/login', { replace: true });
  };
  const done = () => void refresh();
  return (
    <Frame>
      <Page
        title={step === 'password' ? t('account.setup.passwordTitle') : t('account.setup.mfaTitle')}
        actions={
          <Button size="xs" variant="default" onClick={onLogout}>
            {t('layout.logout')}
          </Button>
        }
      >
        <Text>{step === 'password' ? t('account.setup.passwordText') : t('account.setup.mfaText')}</Text>
        {step === 'password' ? <ChangePasswordForm onChanged={done} /> : <MfaSetup onDone={done} />}
      </Page>
    </Frame>
  );
}
