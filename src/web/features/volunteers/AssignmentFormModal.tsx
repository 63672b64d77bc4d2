import { Button, Card, Group, SegmentedControl, Select, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, api } from '../../app/api';
import { DateField } from '../../ui/DateField';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { ModalForm } from '../../ui/forms/ModalForm';
import { useFormMutation } from '../../ui/forms/useFormMutation';
import { dateOrNull, optionalDate, requiredDate, todayInput } from '../casework/forms';
import { languageLabel } from '../casework/options';
import { addAssignment, lookupHousehold, type ReleasedHousehold, volunteerKeys } from './api';

type Target = 'household' | 'offer' | 'event';
interface Values {
  target: Target;
  caseNumber: string;
  offerId: string | null;
  eventId: string | null;
  startsOn: string;
  endsOn: string;
}
interface Titled {
  id: string;
  title: string;
  date?: string;
}

function useChoices(path: string, enabled: boolean) {
  return useQuery({
    queryKey: ['volunteers', 'choices', path],
    queryFn: () => api.get<{ items: Titled[] }>(path, { pageSize: 200 }),
    enabled,
  });
}

/** What the household released: contact person, phone, languages — nothing else. */
export function ReleasedCard({ household }: { household: ReleasedHousehold }) {
  const { t } = useTranslation();
  return (
    <Card withBorder padding="sm" aria-label={t('volunteers.assignments.released')}>
      <Text size="sm" fw={700}>
        {household.caseNumber}
      </Text>
      {household.released ? (
        <>
          <Text size="sm">
            {t('volunteers.assignments.contactName')}: {household.contactName ?? '–'}
          </Text>
          <Text size="sm">
            {t('volunteers.field.phone')}: {household.phone ?? '–'}
          </Text>
          <Text size="sm">
            {t('volunteers.field.languages')}: {household.languages.map(languageLabel).join(', ') || '–'}
          </Text>
        </>
      ) : (
        <Text size="sm">{t('volunteers.assignments.withdrawn')}</Text>
      )}
    </Card>
  );
}

/** A new assignment: to a household (picked by its case number), an offer or an event. */
export function AssignmentFormModal({ volunteerId, onClose }: { volunteerId: string; onClose(): void }) {
  const { t } = useTranslation();
  const [found, setFound] = useState<ReleasedHousehold | null>(null);
  const [lookupError, setLookupError] = useState<unknown>(null);
  const form = useForm<Values>({
    initialValues: {
      target: 'household',
      caseNumber: '',
      offerId: null,
      eventId: null,
      startsOn: todayInput(),
      endsOn: '',
    },
    validate: {
      caseNumber: (_v, values) =>
        values.target === 'household' && !found ? t('volunteers.assignments.lookupFirst') : null,
      offerId: (v, values) => (values.target === 'offer' && !v ? t('validation.required') : null),
      eventId: (v, values) => (values.target === 'event' && !v ? t('validation.required') : null),
      startsOn: requiredDate(t),
      endsOn: optionalDate(t),
    },
  });
  const target = form.values.target;
  const offers = useChoices('/api/offers', target === 'offer');
  const events = useChoices('/api/events', target === 'event');
  const lookup = async () => {
    setFound(null);
    setLookupError(null);
    try {
      setFound(await lookupHousehold(form.values.caseNumber.trim()));
      form.clearFieldError('caseNumber');
    } catch (error) {
      // a refusal about the household itself (no consent, bad number) belongs to the field
      const issue =
        error instanceof ApiError ? error.fieldIssues.find((i) => i.path === 'caseNumber') : undefined;
      if (issue) form.setFieldError('caseNumber', issue.message);
      else setLookupError(error);
    }
  };
  const scaffold = useFormMutation({
    form,
    mutationFn: (v: Values) =>
      addAssignment(volunteerId, {
        ...(v.target === 'household' ? { householdId: found?.householdId } : {}),
        ...(v.target === 'offer' ? { offerId: v.offerId ?? undefined } : {}),
        ...(v.target === 'event' ? { eventId: v.eventId ?? undefined } : {}),
        startsOn: dateOrNull(v.startsOn) as string,
        endsOn: dateOrNull(v.endsOn),
      }),
    invalidate: [volunteerKeys.all],
    notify: t('volunteers.assignments.saved'),
    close: onClose,
  });
  return (
    <ModalForm title={t('volunteers.assignments.add')} onClose={onClose} scaffold={scaffold}>
      <SegmentedControl
        aria-label={t('volunteers.assignments.target')}
        data={(['household', 'offer', 'event'] as const).map((k) => ({
          value: k,
          label: t(`volunteers.assignmentKind.${k === 'household' ? 'mentorship' : k}`),
        }))}
        {...form.getInputProps('target')}
      />
      {target === 'household' ? (
        <Stack gap="xs">
          <Group align="flex-end">
            <TextInput
              label={t('volunteers.assignments.caseNumber')}
              description={t('volunteers.assignments.caseNumberHint')}
              {...form.getInputProps('caseNumber')}
              onChange={(e) => {
                setFound(null);
                form.setFieldValue('caseNumber', e.currentTarget.value);
              }}
            />
            <Button variant="default" onClick={lookup}>
              {t('volunteers.assignments.lookup')}
            </Button>
          </Group>
          <ErrorAlert error={lookupError} />
          {found ? <ReleasedCard household={found} /> : null}
        </Stack>
      ) : null}
      {target === 'offer' ? (
        <Select
          label={t('volunteers.assignmentKind.offer')}
          searchable
          data={(offers.data?.items ?? []).map((o) => ({ value: o.id, label: o.title }))}
          {...form.getInputProps('offerId')}
        />
      ) : null}
      {target === 'event' ? (
        <Select
          label={t('volunteers.assignmentKind.event')}
          searchable
          data={(events.data?.items ?? []).map((e) => ({
            value: e.id,
            label: `${e.title} (${e.date ?? ''})`,
          }))}
          {...form.getInputProps('eventId')}
        />
      ) : null}
      <Group grow align="flex-start">
        <DateField
          label={t('volunteers.assignments.startsOn')}
          required
          {...form.getInputProps('startsOn')}
        />
        <DateField label={t('volunteers.assignments.endsOn')} {...form.getInputProps('endsOn')} />
      </Group>
    </ModalForm>
  );
}
