import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate, useParams } from 'react-router';
import type { Contact } from '../../../shared/schemas/contacts';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { Page } from '../../ui/Page';
import { useContacts, useHousehold } from './api';
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

/**
 * Correcting a recorded contact (/households/:id/contacts/:contactId/edit): the contact comes with the
 * link from the contacts tab, or from the household's latest 200 contacts after a reload.
 */
export function ContactEditPage() {
  const { t } = useTranslation();
  const { id = '', contactId = '' } = useParams();
  const navigate = useNavigate();
  const passed = (useLocation().state as { contact?: Contact } | null)?.contact;
  const household = useHousehold(id);
  const listed = useContacts(id, 1, 200);
  const contact = passed?.id === contactId ? passed : listed.data?.items.find((c) => c.id === contactId);
  const back = `/households/${id}?tab=contacts`;
  const caseNumber = household.data?.caseNumber;
  return (
    <Page title={caseNumber ? t('corrections.contactTitle', { caseNumber }) : t('casework.contact.title')}>
      <ErrorAlert error={household.error ?? listed.error} />
      {listed.isSuccess && !contact ? <Text>{t('corrections.contactGone')}</Text> : null}
      {household.data && contact ? (
        <ContactForm
          household={household.data}
          contact={contact}
          cancelTo={back}
          onSaved={() => navigate(back)}
        />
      ) : null}
    </Page>
  );
}
