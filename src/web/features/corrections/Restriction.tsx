import { Alert, Button, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Restriction as RestrictionState } from '../../../shared/schemas/corrections';
import { request } from '../../app/api';
import { useCan } from '../../app/session';
import { CountedTextarea } from '../../ui/forms/CountedTextarea';
import { ModalForm } from '../../ui/forms/ModalForm';
import { useFormMutation } from '../../ui/forms/useFormMutation';
import { caseworkKeys, type Household } from '../casework/api';
import { reasonMax, useReasonForm } from './DeleteRecordModal';

/** The banner on a restricted household (only the site lead ever sees one), with the reason. */
export function RestrictionBanner({ household }: { household: Household }) {
  const { t } = useTranslation();
  if (!household.restriction) return null;
  return (
    <Alert color="orange.9" variant="light" title={t('corrections.restriction.bannerTitle')} role="status">
      <Text size="sm">{t('corrections.restriction.banner')}</Text>
      {household.restriction.reason ? (
        <Text size="sm">
          {t('corrections.restriction.bannerReason', { reason: household.restriction.reason })}
        </Text>
      ) : null}
    </Alert>
  );
}

function RestrictionModal({ household, onClose }: { household: Household; onClose(): void }) {
  const { t } = useTranslation();
  const lift = !!household.restriction;
  const form = useReasonForm();
  const scaffold = useFormMutation({
    form,
    mutationFn: (v: { reason: string }) =>
      request<RestrictionState>(lift ? 'DELETE' : 'POST', `/api/households/${household.id}/restriction`, {
        reason: v.reason.trim(),
      }),
    invalidate: [caseworkKeys.household(household.id), caseworkKeys.householdLists, caseworkKeys.myDay],
    notify: t(lift ? 'corrections.restriction.lifted' : 'corrections.restriction.done'),
    close: onClose,
    messages: { reason: t('corrections.reasonRequired') },
  });
  return (
    <ModalForm
      title={t(lift ? 'corrections.restriction.liftTitle' : 'corrections.restriction.title')}
      onClose={onClose}
      scaffold={scaffold}
      submitLabel={t(lift ? 'corrections.restriction.confirmLift' : 'corrections.restriction.confirm')}
      size="md"
    >
      {lift ? null : <Text>{t('corrections.restriction.explain')}</Text>}
      <CountedTextarea
        label={t(lift ? 'corrections.restriction.liftReason' : 'corrections.restriction.reason')}
        required
        maxLength={reasonMax}
        data-autofocus
        {...form.getInputProps('reason')}
      />
    </ModalForm>
  );
}

/** "Einschränken (Art. 18 DSGVO)" or "Einschränkung aufheben" for the site lead. */
export function RestrictionAction({ household }: { household: Household }) {
  const { t } = useTranslation();
  const can = useCan();
  const [open, setOpen] = useState(false);
  if (!can('household.restrict')) return null;
  return (
    <>
      <Button variant="default" size="xs" onClick={() => setOpen(true)}>
        {t(household.restriction ? 'corrections.restriction.lift' : 'corrections.restriction.action')}
      </Button>
      {open ? <RestrictionModal household={household} onClose={() => setOpen(false)} /> : null}
    </>
  );
}
