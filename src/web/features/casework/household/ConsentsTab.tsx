import { Badge, Button, Checkbox, Group, Table, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../app/api';
import { useCan } from '../../../app/session';
import { DateField } from '../../../ui/DateField';
import { formatDate, parseDateInput } from '../../../ui/format';
import { ModalForm } from '../../../ui/forms/ModalForm';
import { useFormMutation } from '../../../ui/forms/useFormMutation';
import { QuickMultiSelect } from '../../../ui/select/QuickMultiSelect';
import { QuickSelect } from '../../../ui/select/QuickSelect';
import { RecordActions } from '../../corrections/RecordActions';
import { NoticeSelect } from '../../privacy-notices/NoticeSelect';
import { type Consent, caseworkKeys, type Household, useHouseholdPart } from '../api';
import { CaseTable } from '../components/CaseTable';
import { TabSection } from '../components/TabSection';
import { requiredDate, textOrNull, todayInput } from '../forms';
import { memberName, memberOptions } from '../members';
import { languageLabel, useLanguageOptions, useRefOptions } from '../options';

interface Values {
  givenOn: string;
  givenByPersonId: string | null;
  processing: boolean;
  contactByPhone: boolean;
  volunteerContact: boolean;
  sharingOrganisationCodes: string[];
  privacyNoticeId: string | null;
  noticeLanguage: string | null;
  noticeVersion: string;
}

function ConsentModal({ household, onClose }: { household: Household; onClose(): void }) {
  const { t } = useTranslation();
  const organisations = useRefOptions('organisations');
  const languages = useLanguageOptions();
  const form = useForm<Values>({
    initialValues: {
      givenOn: todayInput(),
      givenByPersonId: household.members.find((m) => m.roleInHousehold === 'head' && !m.leftOn)?.id ?? null,
      processing: true,
      contactByPhone: false,
      volunteerContact: false,
      sharingOrganisationCodes: [],
      privacyNoticeId: null,
      noticeLanguage: null,
      noticeVersion: '',
    },
    validate: { givenOn: requiredDate(t) },
  });
  const scaffold = useFormMutation({
    form,
    mutationFn: (v: Values) =>
      // the form holds the request's fields; only the date and the free text need converting
      api.post<Consent>(`/api/households/${household.id}/consents`, {
        ...v,
        givenOn: parseDateInput(v.givenOn),
        noticeVersion: textOrNull(v.noticeVersion),
      }),
    invalidate: [caseworkKeys.householdPart(household.id, 'consents')],
    notify: t('casework.consents.saved'),
    close: onClose,
    messages: { givenOn: t('validation.date') },
  });
  return (
    <ModalForm
      title={t('casework.consents.create')}
      onClose={onClose}
      scaffold={scaffold}
      submitLabel={t('casework.consents.submit')}
    >
      <Group grow align="flex-start">
        <DateField label={t('casework.consents.givenOn')} required {...form.getInputProps('givenOn')} />
        <QuickSelect
          label={t('casework.consents.givenBy')}
          clearable
          data={memberOptions(household)}
          {...form.getInputProps('givenByPersonId')}
        />
      </Group>
      <Checkbox
        label={t('casework.consents.processing')}
        {...form.getInputProps('processing', { type: 'checkbox' })}
      />
      <Checkbox
        label={t('casework.consents.contactByPhone')}
        {...form.getInputProps('contactByPhone', { type: 'checkbox' })}
      />
      <Checkbox
        label={t('casework.consents.volunteerContact')}
        description={t('casework.consents.volunteerContactHint')}
        {...form.getInputProps('volunteerContact', { type: 'checkbox' })}
      />
      <QuickMultiSelect
        label={t('casework.consents.sharing')}
        description={t('casework.consents.sharingHint')}
        data={organisations.options}
        {...form.getInputProps('sharingOrganisationCodes')}
      />
      <NoticeSelect {...form.getInputProps('privacyNoticeId')} />
      <Group grow align="flex-start">
        <QuickSelect
          label={t('casework.consents.noticeLanguage')}
          clearable
          data={languages}
          {...form.getInputProps('noticeLanguage')}
        />
        <TextInput
          label={t('casework.consents.noticeVersion')}
          autoComplete="off"
          maxLength={40}
          {...form.getInputProps('noticeVersion')}
        />
      </Group>
    </ModalForm>
  );
}

function WithdrawModal({
  household,
  consent,
  onClose,
}: {
  household: Household;
  consent: Consent;
  onClose(): void;
}) {
  const { t } = useTranslation();
  const form = useForm({
    initialValues: { withdrawnOn: todayInput() },
    validate: { withdrawnOn: requiredDate(t) },
  });
  const scaffold = useFormMutation({
    form,
    mutationFn: (v: { withdrawnOn: string }) =>
      api.post<Consent>(`/api/households/${household.id}/consents/${consent.id}/withdraw`, {
        withdrawnOn: parseDateInput(v.withdrawnOn),
      }),
    invalidate: [caseworkKeys.householdPart(household.id, 'consents')],
    notify: t('casework.consents.withdrawn'),
    close: onClose,
    messages: { withdrawnOn: t('validation.date') },
  });
  return (
    <ModalForm
      title={t('casework.consents.withdrawTitle')}
      size="md"
      onClose={onClose}
      scaffold={scaffold}
      submitLabel={t('casework.consents.withdraw')}
      submitColor="red.9"
    >
      <Text size="sm">{t('casework.consents.withdrawText', { date: formatDate(consent.givenOn) })}</Text>
      <DateField
        label={t('casework.consents.withdrawnOn')}
        required
        data-autofocus
        {...form.getInputProps('withdrawnOn')}
      />
    </ModalForm>
  );
}

/** the table's columns (i18n keys) */
const columns = [
  'casework.consents.givenOn',
  'casework.consents.givenBy',
  'casework.consents.scope',
  'casework.consents.sharing',
  'casework.consents.notice',
  'casework.consents.state',
];

/** Consents: when, by whom, for what and to whom; withdrawn ones stay visible with their date. */
export function ConsentsTab({ household }: { household: Household }) {
  const { t } = useTranslation();
  const can = useCan();
  const consents = useHouseholdPart<Consent[]>(household.id, 'consents');
  const organisations = useRefOptions('organisations');
  const [withdrawing, setWithdrawing] = useState<Consent | null>(null);
  const list = consents.data ?? [];

  return (
    <TabSection
      title={t('casework.tabs.consents')}
      createLabel={t('casework.consents.create')}
      createDialog={(close) => <ConsentModal household={household} onClose={close} />}
      records={consents}
      emptyText={t('casework.consents.none')}
    >
      <CaseTable
        caption={t('casework.tabs.consents')}
        minWidth={820}
        actions
        headers={columns.map((c) => t(c))}
      >
        {list.map((c) => (
          <Table.Tr key={c.id}>
            <Table.Td>{formatDate(c.givenOn)}</Table.Td>
            <Table.Td>{memberName(household, c.givenByPersonId)}</Table.Td>
            <Table.Td>
              {[
                c.processing ? t('casework.consents.processingShort') : null,
                c.contactByPhone ? t('casework.consents.contactByPhoneShort') : null,
                c.volunteerContact ? t('casework.consents.volunteerContactShort') : null,
              ]
                .filter(Boolean)
                .join(', ')}
            </Table.Td>
            <Table.Td>{c.sharingOrganisationCodes.map(organisations.label).join(', ')}</Table.Td>
            <Table.Td>
              {[languageLabel(c.noticeLanguage), c.noticeVersion].filter(Boolean).join(', ')}
            </Table.Td>
            <Table.Td>
              {c.withdrawnOn ? (
                <Badge variant="filled" color="gray.7" style={{ minWidth: 'max-content' }}>
                  {t('casework.consents.withdrawnOnDate', { date: formatDate(c.withdrawnOn) })}
                </Badge>
              ) : (
                <Badge variant="filled" color="teal.9" style={{ minWidth: 'max-content' }}>
                  {t('casework.consents.inForce')}
                </Badge>
              )}
            </Table.Td>
            {can('household.write') ? (
              <Table.Td>
                <RecordActions
                  household={household}
                  kind="consent"
                  recordId={c.id}
                  label={t('corrections.recordOn', {
                    record: t('corrections.records.consent'),
                    date: formatDate(c.givenOn),
                  })}
                  authorId={c.createdBy}
                  createdAt={c.createdAt}
                >
                  {c.withdrawnOn ? null : (
                    <Button
                      size="xs"
                      variant="default"
                      onClick={() => setWithdrawing(c)}
                      aria-label={t('casework.consents.withdrawAria', { date: formatDate(c.givenOn) })}
                    >
                      {t('casework.consents.withdraw')}
                    </Button>
                  )}
                </RecordActions>
              </Table.Td>
            ) : null}
          </Table.Tr>
        ))}
      </CaseTable>
      {withdrawing ? (
        <WithdrawModal household={household} consent={withdrawing} onClose={() => setWithdrawing(null)} />
      ) : null}
    </TabSection>
  );
}
