import { Checkbox, Group, Select, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, api } from '../../../app/api';
import { DateField } from '../../../ui/DateField';
import { formatDate, parseDateInput } from '../../../ui/format';
import { ModalForm } from '../../../ui/forms/ModalForm';
import { useFormMutation } from '../../../ui/forms/useFormMutation';
import { QuickSelect } from '../../../ui/select/QuickSelect';
import { type Consent, caseworkKeys, type Household, type Referral, useHouseholdPart } from '../api';
import { requiredDate, textOrNull, todayInput } from '../forms';
import { memberOptions } from '../members';
import { useRefOptions } from '../options';
import { ConsentMissing } from './ConsentMissing';
import { ReferralOfferSelect } from './ReferralOfferSelect';
import { type ReferralStatus, useStatusOptions } from './ReferralStatusModal';

/** The consent in force that allows sharing with the organisation, if any. */
function sharingConsent(consents: Consent[] | undefined, organisation: string | null) {
  if (!organisation) return undefined;
  return consents?.find((c) => !c.withdrawnOn && c.sharingOrganisationCodes.includes(organisation));
}

interface Values {
  date: string;
  organisation: string | null;
  lifeArea: string | null;
  offerId: string | null;
  personId: string | null;
  status: ReferralStatus;
  sharesData: boolean;
  outcome: string;
}

/** A new referral; passing data on is refused by the server (409) without the household's consent. */
export function ReferralModal({ household, onClose }: { household: Household; onClose(): void }) {
  const { t } = useTranslation();
  const organisations = useRefOptions('organisations');
  const lifeAreas = useRefOptions('life-areas');
  const consents = useHouseholdPart<Consent[]>(household.id, 'consents');
  const statusOptions = useStatusOptions();
  const [refused, setRefused] = useState<string | null>(null);
  const form = useForm<Values>({
    initialValues: {
      date: todayInput(),
      organisation: null,
      lifeArea: null,
      offerId: null,
      personId: null,
      status: 'proposed',
      sharesData: false,
      outcome: '',
    },
    validate: {
      date: requiredDate(t),
      organisation: (v) => (v ? null : t('validation.required')),
      lifeArea: (v) => (v ? null : t('validation.required')),
    },
  });
  const scaffold = useFormMutation({
    form,
    mutationFn: (v: Values) =>
      // the form holds the request's fields; only the date and the free text need converting
      api.post<Referral>(`/api/households/${household.id}/referrals`, {
        ...v,
        date: parseDateInput(v.date),
        outcome: textOrNull(v.outcome),
      }),
    invalidate: [caseworkKeys.householdPart(household.id, 'referrals')],
    notify: (r) => t('casework.referrals.saved', { organisation: organisations.label(r.organisation) }),
    close: onClose,
    messages: { date: t('validation.date') },
    onStart: () => setRefused(null),
    onFailed: (error, v) => {
      if (!(error instanceof ApiError && error.status === 409)) return false;
      setRefused(organisations.label(v.organisation));
      form.setFieldError('sharesData', t('casework.referrals.noConsentField'));
      return true;
    },
  });
  const consent = sharingConsent(consents.data, form.values.organisation);
  const orgName = organisations.label(form.values.organisation);

  return (
    <ModalForm
      title={t('casework.referrals.create')}
      onClose={onClose}
      scaffold={scaffold}
      submitLabel={t('casework.referrals.submit')}
      alert={refused ? <ConsentMissing organisation={refused} onClose={onClose} /> : undefined}
    >
      <Group grow align="flex-start">
        <DateField label={t('casework.referrals.date')} required {...form.getInputProps('date')} />
        <Select
          label={t('casework.referrals.statusLabel')}
          data={statusOptions}
          allowDeselect={false}
          {...form.getInputProps('status')}
        />
      </Group>
      <QuickSelect
        label={t('casework.referrals.organisation')}
        required
        data={organisations.options}
        {...form.getInputProps('organisation')}
      />
      <Group grow align="flex-start">
        <QuickSelect
          label={t('casework.contact.lifeArea')}
          required
          data={lifeAreas.options}
          {...form.getInputProps('lifeArea')}
          onChange={(v) => {
            form.setFieldValue('lifeArea', v);
            form.setFieldValue('offerId', null);
          }}
        />
        <QuickSelect
          label={t('casework.referrals.person')}
          description={t('casework.needs.personHint')}
          clearable
          data={memberOptions(household)}
          {...form.getInputProps('personId')}
        />
      </Group>
      <ReferralOfferSelect
        lifeArea={form.values.lifeArea}
        districtCode={household.districtCode ?? null}
        value={form.values.offerId}
        error={form.errors.offerId}
        onChange={(v) => form.setFieldValue('offerId', v)}
      />
      <Checkbox
        label={t('casework.referrals.sharesData')}
        description={
          !form.values.organisation
            ? t('casework.referrals.sharesDataHint')
            : consent
              ? t('casework.referrals.consentPresent', {
                  organisation: orgName,
                  date: formatDate(consent.givenOn),
                })
              : t('casework.referrals.consentAbsent', { organisation: orgName })
        }
        {...form.getInputProps('sharesData', { type: 'checkbox' })}
        // Mantine's Checkbox sets only data-error: tell assistive technology too
        aria-invalid={form.errors.sharesData ? true : undefined}
      />
      <Textarea
        label={t('casework.referrals.outcome')}
        autosize
        minRows={2}
        maxLength={2000}
        {...form.getInputProps('outcome')}
      />
    </ModalForm>
  );
}
