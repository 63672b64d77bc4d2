import { Checkbox, Group, MultiSelect, Select, TagsInput, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { volunteerSources, volunteerStatuses } from '../../../shared/schemas/volunteers';
import { useUser } from '../../app/session';
import { DateField } from '../../ui/DateField';
import { formatDate } from '../../ui/format';
import { ModalForm } from '../../ui/forms/ModalForm';
import { useFormMutation } from '../../ui/forms/useFormMutation';
import { dateOrNull, optionalDate, required, textOrNull } from '../casework/forms';
import { useLanguageOptions, useRefOptions, useSiteChoices } from '../casework/options';
import { saveVolunteer, type Volunteer, volunteerKeys } from './api';
import { hhmm, type Slot, WeeklySlots } from './WeeklySlots';

interface Values {
  siteId: string | null;
  firstName: string;
  lastName: string;
  email: string;
  phone: string;
  status: Volunteer['status'];
  source: string | null;
  languages: string[];
  districtCodes: string[];
  skills: string[];
  interests: string[];
  availability: Slot[];
  hasRefugeeBackground: boolean;
  consentGivenOn: string;
  consentWithdrawnOn: string;
  note: string;
}

function initial(v: Volunteer | null, siteId: string | null): Values {
  return {
    siteId,
    firstName: v?.firstName ?? '',
    lastName: v?.lastName ?? '',
    email: v?.email ?? '',
    phone: v?.phone ?? '',
    status: v?.status ?? 'interested',
    source: v?.source ?? null,
    languages: v?.languages ?? [],
    districtCodes: v?.districtCodes ?? [],
    skills: v?.skills ?? [],
    interests: v?.interests ?? [],
    availability: (v?.availability ?? []).map((s) => ({ ...s, weekday: String(s.weekday) })),
    hasRefugeeBackground: v?.hasRefugeeBackground ?? false,
    consentGivenOn: formatDate(v?.consentGivenOn),
    consentWithdrawnOn: formatDate(v?.consentWithdrawnOn),
    note: v?.note ?? '',
  };
}

/** Create or edit a volunteer (Ehrenamtliche*r); a new one opens on its page after saving. */
export function VolunteerFormModal({ volunteer, onClose }: { volunteer: Volunteer | null; onClose(): void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const user = useUser();
  const sites = useSiteChoices();
  const siteChoices = (sites.own.length ? sites.own : sites.all).map((s) => ({ value: s.id, label: s.name }));
  const languages = useLanguageOptions();
  const districts = useRefOptions('districts', volunteer?.districtCodes ?? []);
  const lifeAreas = useRefOptions('life-areas', volunteer?.interests ?? []);
  const time = (v: string) => (hhmm.test(v) ? null : t('volunteers.form.timeHint'));
  const form = useForm<Values>({
    initialValues: initial(volunteer, user.siteIds.length === 1 ? user.siteIds[0] : null),
    validate: {
      siteId: (v) => (volunteer || v ? null : t('validation.required')),
      firstName: required(t),
      lastName: required(t),
      consentGivenOn: optionalDate(t),
      consentWithdrawnOn: optionalDate(t),
      availability: { from: time, to: time },
    },
  });
  const scaffold = useFormMutation({
    form,
    mutationFn: (v: Values) =>
      saveVolunteer(volunteer?.id ?? null, {
        ...(volunteer ? {} : { siteId: v.siteId ?? undefined }),
        firstName: v.firstName.trim(),
        lastName: v.lastName.trim(),
        email: textOrNull(v.email),
        phone: textOrNull(v.phone),
        status: v.status,
        source: (v.source as Volunteer['source']) ?? null,
        languages: v.languages,
        districtCodes: v.districtCodes,
        skills: v.skills,
        interests: v.interests,
        availability: v.availability.map((s) => ({ weekday: Number(s.weekday), from: s.from, to: s.to })),
        hasRefugeeBackground: v.hasRefugeeBackground,
        consentGivenOn: dateOrNull(v.consentGivenOn),
        consentWithdrawnOn: dateOrNull(v.consentWithdrawnOn),
        note: textOrNull(v.note),
      }),
    invalidate: [volunteerKeys.all],
    notify: t('volunteers.form.saved'),
    onSaved: (saved) => {
      if (!volunteer) navigate(`/volunteers/${saved.id}`);
    },
    close: onClose,
  });
  const title = volunteer ? t('volunteers.form.editTitle') : t('volunteers.form.createTitle');
  return (
    <ModalForm title={title} onClose={onClose} scaffold={scaffold} size="lg">
      {!volunteer && siteChoices.length > 1 ? (
        <Select
          label={t('volunteers.field.site')}
          required
          data={siteChoices}
          {...form.getInputProps('siteId')}
        />
      ) : null}
      <Group grow>
        <TextInput label={t('volunteers.field.firstName')} required {...form.getInputProps('firstName')} />
        <TextInput label={t('volunteers.field.lastName')} required {...form.getInputProps('lastName')} />
      </Group>
      <Group grow>
        <TextInput label={t('volunteers.field.email')} type="email" {...form.getInputProps('email')} />
        <TextInput label={t('volunteers.field.phone')} type="tel" {...form.getInputProps('phone')} />
      </Group>
      <Group grow>
        <Select
          label={t('volunteers.field.status')}
          allowDeselect={false}
          data={volunteerStatuses.map((s) => ({ value: s, label: t(`volunteers.status.${s}`) }))}
          {...form.getInputProps('status')}
        />
        <Select
          label={t('volunteers.field.source')}
          clearable
          data={volunteerSources.map((s) => ({ value: s, label: t(`volunteers.source.${s}`) }))}
          {...form.getInputProps('source')}
        />
      </Group>
      <MultiSelect
        label={t('volunteers.field.languages')}
        searchable
        data={languages}
        {...form.getInputProps('languages')}
      />
      <MultiSelect
        label={t('volunteers.field.districts')}
        searchable
        data={districts.options}
        {...form.getInputProps('districtCodes')}
      />
      <MultiSelect
        label={t('volunteers.field.interests')}
        searchable
        data={lifeAreas.options}
        {...form.getInputProps('interests')}
      />
      <TagsInput
        label={t('volunteers.field.skills')}
        description={t('volunteers.form.skillsHint')}
        {...form.getInputProps('skills')}
      />
      <WeeklySlots form={form} />
      <Checkbox
        label={t('volunteers.field.hasRefugeeBackground')}
        {...form.getInputProps('hasRefugeeBackground', { type: 'checkbox' })}
      />
      <Group grow align="flex-start">
        <DateField label={t('volunteers.field.consentGivenOn')} {...form.getInputProps('consentGivenOn')} />
        <DateField
          label={t('volunteers.field.consentWithdrawnOn')}
          {...form.getInputProps('consentWithdrawnOn')}
        />
      </Group>
      <Textarea label={t('volunteers.field.note')} autosize minRows={2} {...form.getInputProps('note')} />
    </ModalForm>
  );
}
