import { useTranslation } from 'react-i18next';
import { Page } from '../../ui/Page';
import { EmergencyRequest } from './EmergencyRequest';

/** Break-the-glass by case number (a household of another site whose number the caseworker was given). */
export function EmergencyPage() {
  const { t } = useTranslation();
  return (
    <Page title={t('privacy.emergency.title')}>
      <EmergencyRequest />
    </Page>
  );
}
