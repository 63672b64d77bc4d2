import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { Page } from '../../ui/Page';
import { useHousehold } from './api';
import { ContactForm } from './components/ContactForm';

/** Logging a contact of a household (/households/:id/contacts/new). */
export function ContactPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const household = useHousehold(id);
  const caseNumber = household.data?.caseNumber;
  return (
    <Page title={caseNumber ? t('casework.contact.titleFor', { caseNumber }) : t('casework.contact.title')}>
      <ErrorAlert error={household.error} />
      {household.data ? (
        <ContactForm
          household={household.data}
          cancelTo={`/households/${id}?tab=contacts`}
          onSaved={() => navigate(`/households/${id}?tab=contacts`)}
        />
      ) : null}
    </Page>
  );
}

/** One-off advice without registering a household (/contacts/anonymous). */
export function AnonymousContactPage() {
  const { t } = useTranslation();
  return (
    <Page title={t('casework.anonymous.title')}>
      <Text>{t('casework.anonymous.intro')}</Text>
      <ContactForm />
    </Page>
  );
}
