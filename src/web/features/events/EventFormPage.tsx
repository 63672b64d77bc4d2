import {
  Checkbox,
  Group,
  Loader,
  MultiSelect,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { participantGroups } from '../../../shared/schemas/events';
import { api } from '../../app/api';
import { DateField } from '../../ui/DateField';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { formatDate, parseDateInput } from '../../ui/format';
import { FormActions } from '../../ui/forms/FormActions';
import { useFormMutation } from '../../ui/forms/useFormMutation';
import { Page } from '../../ui/Page';
import { optionalDate, required, requiredDate, textOrNull, todayInput } from '../casework/forms';
import { useRefOptions } from '../casework/options';
import { type EventDetail, eventKeys, useEvent, useSiteStaff } from './api';
import { PartnerSelect } from './PartnerSelect';
import { useEventSites } from './sites';

type Counts = Record<(typeof participantGroups)[number], number | string>;
interface Values {
  type: string | null;
  title: string;
  siteId: string | null;
  districtCode: string | null;
  place: string;
  date: string;
  startTime: string;
  endTime: string;
  organiserIds: string[];
  partnerIds: string[];
  public: boolean;
  participants: Counts;
  repeat: { weekly: boolean; until: string };
}

const timePattern = /^([01]\d|2[0-3]):[0-5]\d$/;
const zeroCounts = Object.fromEntries(participantGroups.map((g) => [g, 0])) as Counts;

function initialValues(event: EventDetail | undefined, siteId: string | null): Values {
  return {
    type: event?.type ?? null,
    title: event?.title ?? '',
    siteId: event?.siteId ?? siteId,
    districtCode: event?.districtCode ?? null,
    place: event?.place ?? '',
    date: event ? formatDate(event.date) : todayInput(),
    startTime: event?.startTime ?? '',
    endTime: event?.endTime ?? '',
    organiserIds: event?.organiserIds ?? [],
    partnerIds: event?.partnerIds ?? [],
    public: event?.public ?? false,
    participants: event?.participants ?? zeroCounts,
    repeat: { weekly: false, until: '' },
  };
}

function body(v: Values, creating: boolean) {
  const participants = Object.fromEntries(participantGroups.map((g) => [g, Number(v.participants[g]) || 0]));
  return {
    type: v.type,
    title: v.title.trim(),
    ...(creating ? { siteId: v.siteId } : {}),
    districtCode: v.districtCode,
    place: textOrNull(v.place),
    date: parseDateInput(v.date),
    startTime: v.startTime.trim() || null,
    endTime: v.endTime.trim() || null,
    organiserIds: v.organiserIds,
    partnerIds: v.partnerIds,
    public: v.public,
    participants,
    ...(creating && v.repeat.weekly
      ? { repeat: { weekly: true, until: parseDateInput(v.repeat.until) } }
      : {}),
  };
}

function EventForm({ event }: { event?: EventDetail }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const types = useRefOptions('event-types', [event?.type]);
  const districts = useRefOptions('districts', [event?.districtCode]);
  const sites = useEventSites();
  const creating = !event;
  const time = (v: string) => (v.trim() && !timePattern.test(v.trim()) ? t('events.form.timeInvalid') : null);
  const form = useForm<Values>({
    initialValues: initialValues(
      event,
      sites.options.length === 1 ? (sites.options[0]?.value ?? null) : null,
    ),
    validate: {
      type: required(t),
      title: required(t),
      siteId: required(t),
      date: requiredDate(t),
      startTime: time,
      endTime: time,
      repeat: { until: (v, values) => (values.repeat.weekly ? requiredDate(t)(v) : optionalDate(t)(v)) },
    },
  });
  const staff = useSiteStaff(form.values.siteId);
  const scaffold = useFormMutation({
    form,
    mutationFn: (v: Values) =>
      creating
        ? api.post<EventDetail>('/api/events', body(v, true))
        : api.patch<EventDetail>(`/api/events/${event.id}`, body(v, false)),
    invalidate: [eventKeys.all],
    notify: (saved) =>
      saved.createdCount && saved.createdCount > 1
        ? t('events.form.savedSeries', { count: saved.createdCount })
        : t('events.form.saved'),
    onSaved: (saved) => {
      queryClient.setQueryData(eventKeys.event(saved.id), saved);
      navigate(`/events/${saved.id}`);
    },
    messages: { date: t('validation.date') },
  });

  return (
    <form ref={scaffold.formRef} noValidate onSubmit={scaffold.onSubmit}>
      <Stack maw={760}>
        <ErrorAlert error={scaffold.mutation.error} />
        <Group grow align="flex-start">
          <Select
            label={t('events.fields.type')}
            required
            data={types.options}
            searchable
            {...form.getInputProps('type')}
          />
          <Select
            label={t('events.fields.site')}
            required
            disabled={!creating}
            data={sites.options}
            {...form.getInputProps('siteId')}
          />
        </Group>
        <TextInput
          label={t('events.fields.title')}
          required
          maxLength={200}
          {...form.getInputProps('title')}
        />
        <Group grow align="flex-start">
          <DateField label={t('events.fields.date')} required {...form.getInputProps('date')} />
          <TextInput
            label={t('events.fields.startTime')}
            description={t('events.form.timeHint')}
            inputMode="numeric"
            {...form.getInputProps('startTime')}
          />
          <TextInput
            label={t('events.fields.endTime')}
            description={t('events.form.timeHint')}
            inputMode="numeric"
            {...form.getInputProps('endTime')}
          />
        </Group>
        {creating ? (
          <Group align="flex-end">
            <Checkbox
              label={t('events.form.weekly')}
              {...form.getInputProps('repeat.weekly', { type: 'checkbox' })}
            />
            {form.values.repeat.weekly ? (
              <DateField
                label={t('events.form.until')}
                description={t('events.form.untilHint')}
                required
                {...form.getInputProps('repeat.until')}
              />
            ) : null}
          </Group>
        ) : null}
        <Group grow align="flex-start">
          <Select
            label={t('events.fields.district')}
            data={districts.options}
            searchable
            clearable
            {...form.getInputProps('districtCode')}
          />
          <TextInput label={t('events.fields.place')} maxLength={200} {...form.getInputProps('place')} />
        </Group>
        <MultiSelect
          label={t('events.fields.organisers')}
          data={(staff.data ?? []).map((s) => ({ value: s.id, label: s.displayName }))}
          searchable
          hidePickedOptions
          nothingFoundMessage={t('events.common.nothingFound')}
          {...form.getInputProps('organiserIds')}
        />
        <PartnerSelect
          known={event?.partners ?? []}
          value={form.values.partnerIds}
          onChange={(v) => form.setFieldValue('partnerIds', v)}
          error={form.errors.partnerIds}
        />
        <Checkbox label={t('events.fields.public')} {...form.getInputProps('public', { type: 'checkbox' })} />
        <fieldset style={{ border: 0, padding: 0, margin: 0 }}>
          <Title order={2} size="h4" component="legend" mb="xs">
            {t('events.participants.countsTitle')}
          </Title>
          <SimpleGrid cols={{ base: 2, sm: 3 }}>
            {participantGroups.map((g) => (
              <NumberInput
                key={g}
                label={t(`events.groups.${g}`)}
                min={0}
                max={100000}
                allowDecimal={false}
                allowNegative={false}
                {...form.getInputProps(`participants.${g}`)}
              />
            ))}
          </SimpleGrid>
        </fieldset>
        <FormActions
          cancelTo={event ? `/events/${event.id}` : '/events'}
          loading={scaffold.mutation.isPending}
          submitLabel={creating ? t('events.form.create') : undefined}
        />
      </Stack>
    </form>
  );
}

export function EventCreatePage() {
  const { t } = useTranslation();
  const sites = useEventSites();
  return (
    <Page title={t('events.form.createTitle')}>
      {sites.query.isPending ? <Loader size="sm" aria-label={t('common.loading')} /> : <EventForm />}
    </Page>
  );
}

export function EventEditPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const event = useEvent(id);
  return (
    <Page
      title={
        event.data ? t('events.form.editTitle', { title: event.data.title }) : t('events.form.editTitlePlain')
      }
    >
      <ErrorAlert error={event.error} />
      {event.data ? (
        <EventForm event={event.data} />
      ) : event.isPending ? (
        <Loader size="sm" aria-label={t('common.loading')} />
      ) : null}
    </Page>
  );
}
