import { Button, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { PublicLayout } from '../../app/PublicLayout';
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
    <PublicLayout>
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
    </PublicLayout>
  );
}
