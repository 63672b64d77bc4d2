import { Checkbox, Group, MultiSelect, NumberInput, Select, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { randomId } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { mediatorKinds } from '../../../shared/schemas/mediators';
import { currentLanguage } from '../../i18n';
import { ModalForm } from '../../ui/forms/ModalForm';
import { useFormMutation } from '../../ui/forms/useFormMutation';
import { useLanguageOptions, useRefOptions } from '../casework/options';
import { AvailabilityFields, type SlotValues, timePattern } from './AvailabilityFields';
import { type Mediator, mediatorKeys, saveMediator } from './api';

interface Values {
  name: string;
  kind: Mediator['kind'];
  languages: string[];
  districtCodes: string[];
  rate: number | string;
  phone: string;
  email: string;
  active: boolean;
  availability: SlotValues[];
}

const orNull = (s: string) => (s.trim() ? s.trim() : null);

function initial(m: Mediator | null): Values {
  return {
    name: m?.name ?? '',
    kind: m?.kind ?? 'freelance',
    languages: m?.languages ?? [],
    districtCodes: m?.districtCodes ?? [],
    rate: m?.rate ?? '',
    phone: m?.phone ?? '',
    email: m?.email ?? '',
    active: m?.active ?? true,
    availability: (m?.availability ?? []).map((s) => ({ ...s, key: randomId(), weekday: String(s.weekday) })),
  };
}

/** Create or edit a mediator of the pool (site leads, central). */
export function MediatorFormModal({ mediator, onClose }: { mediator: Mediator | null; onClose(): void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const languages = useLanguageOptions();
  const districts = useRefOptions('districts', mediator?.districtCodes ?? []);
  const time = (v: string) => (timePattern.test(v) ? null : t('mediators.timeHint'));
  const form = useForm<Values>({
    initialValues: initial(mediator),
    validate: {
      name: (v) => (v.trim() ? null : t('mediators.form.nameRequired')),
      languages: (v) => (v.length ? null : t('mediators.form.languagesRequired')),
      availability: {
        from: time,
        to: (v, values, path) => {
          const i = Number(path.split('.')[1]);
          return time(v) ?? (values.availability[i].from < v ? null : t('mediators.book.timeOrder'));
        },
      },
    },
  });
  const scaffold = useFormMutation({
    form,
    mutationFn: (v: Values) =>
      saveMediator(mediator?.id ?? null, {
        name: v.name.trim(),
        kind: v.kind,
        languages: v.languages,
        districtCodes: v.districtCodes,
        rate: v.rate === '' ? null : Number(v.rate),
        phone: orNull(v.phone),
        email: orNull(v.email),
        active: v.active,
        availability: v.availability.map((s) => ({ weekday: Number(s.weekday), from: s.from, to: s.to })),
      }),
    invalidate: [mediatorKeys.all],
    notify: mediator ? t('mediators.form.saved') : t('mediators.form.created'),
    onSaved: (saved) => {
      if (!mediator) navigate(`/mediators/${saved.id}`);
    },
    close: onClose,
  });
  const decimal = currentLanguage() === 'en' ? '.' : ',';

  return (
    <ModalForm
      title={mediator ? t('mediators.form.editTitle') : t('mediators.form.createTitle')}
      onClose={onClose}
      scaffold={scaffold}
      size="lg"
    >
      <Group grow align="flex-start">
        <TextInput label={t('mediators.field.name')} required {...form.getInputProps('name')} />
        <Select
          label={t('mediators.field.kind')}
          data={mediatorKinds.map((k) => ({ value: k, label: t(`mediators.kind.${k}`) }))}
          allowDeselect={false}
          {...form.getInputProps('kind')}
        />
      </Group>
      <MultiSelect
        label={t('mediators.field.languages')}
        required
        searchable
        data={languages}
        {...form.getInputProps('languages')}
      />
      <MultiSelect
        label={t('mediators.field.districts')}
        searchable
        data={districts.options}
        {...form.getInputProps('districtCodes')}
      />
      <Group grow align="flex-start">
        <NumberInput
          label={t('mediators.field.rate')}
          min={0}
          max={1000}
          decimalScale={2}
          decimalSeparator={decimal}
          {...form.getInputProps('rate')}
        />
        <TextInput label={t('mediators.field.phone')} type="tel" {...form.getInputProps('phone')} />
        <TextInput label={t('mediators.field.email')} type="email" {...form.getInputProps('email')} />
      </Group>
      <AvailabilityFields form={form} />
      <Checkbox label={t('mediators.field.active')} {...form.getInputProps('active', { type: 'checkbox' })} />
    </ModalForm>
  );
}
