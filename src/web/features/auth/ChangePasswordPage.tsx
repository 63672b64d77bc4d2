import { useTranslation } from 'react-i18next';
import { Page } from '../../ui/Page';
import { ChangePasswordForm } from './ChangePasswordForm';

export function ChangePasswordPage() {
  const { t } = useTranslation();
  return (
    <Page title={t('password.title')}>
      <ChangePasswordForm />
    </Page>
  );
}
