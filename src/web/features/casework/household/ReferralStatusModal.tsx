import { Select, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { referralStatuses } from '../../../../shared/schemas/casework';
import { ApiError, api } from '../../../app/api';
import { ModalForm } from '../../../ui/forms/ModalForm';
import { useFormMutation } from '../../../ui/forms/useFormMutation';
import { caseworkKeys, type Household, type Referral } from '../api';
import { textOrNull } from '../forms';
import { useRefOptions } from '../options';
import { ConsentMissing } from './ConsentMissing';

export type ReferralStatus = (typeof referralStatuses)[number];

export function useStatusOptions() {
  const { t } = useTranslation();
  return referralStatuses.map((s) => ({ value: s, label: t(`casework.referrals.status.${s}`) }));
}

/** A referral's status and outcome; only what changed is sent. */
export function ReferralStatusModal({
  household,
  referral,
  onClose,
}: {
  household: Household;
  referral: Referral;
  onClose(): void;
}) {
  const { t } = useTranslation();
  const organisations = useRefOptions('organisations');
  const statusOptions = useStatusOptions();
  const [refused, setRefused] = useState(false);
  const form = useForm({
    initialValues: { status: referral.status as ReferralStatus, outcome: referral.outcome ?? '' },
  });
  const scaffold = useFormMutation({
    form,
    mutationFn: (v: { status: ReferralStatus; outcome: string }) => {
      const body: Record<string, unknown> = {};
      if (v.status !== referral.status) body.status = v.status;
      if ((textOrNull(v.outcome) ?? null) !== (referral.outcome ?? null))
        body.outcome = textOrNull(v.outcome);
      if (Object.keys(body).length === 0) return Promise.resolve(null);
      return api.patch<Referral>(`/api/households/${household.id}/referrals/${referral.id}`, body);
    },
    invalidate: [caseworkKeys.householdPart(household.id, 'referrals')],
    notify: t('casework.referrals.updated'),
    close: onClose,
    onStart: () => setRefused(false),
    onFailed: (error) => {
      if (!(error instanceof ApiError && error.status === 409)) return false;
      setRefused(true);
      return true;
    },
  });
  const organisation = organisations.label(referral.organisation);
  return (
    <ModalForm
      title={t('casework.referrals.updateTitle', { organisation })}
      size="md"
      onClose={onClose}
      scaffold={scaffold}
      alert={refused ? <ConsentMissing organisation={organisation} onClose={onClose} /> : undefined}
    >
      <Select
        label={t('casework.referrals.statusLabel')}
        data={statusOptions}
        allowDeselect={false}
        data-autofocus
        {...form.getInputProps('status')}
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
