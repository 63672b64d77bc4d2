import { Select, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import {
  type CreateReferenceBody,
  organisationKinds,
  type ReferenceList,
  type ReferenceValue,
  type UpdateReferenceBody,
} from '../../../shared/schemas/reference';
import { api } from '../../app/api';
import { queryKeys, useReference } from '../../app/queries';
import { ModalForm } from '../../ui/forms/ModalForm';
import { useFormMutation } from '../../ui/forms/useFormMutation';

interface Props {
  list: ReferenceList;
  /** null: create a new value */
  value: ReferenceValue | null;
  onClose(): void;
}

interface Values {
  code: string;
  labelDe: string;
  labelEn: string;
  parentCode: string | null;
  kind: string | null;
}

export function ReferenceValueModal({ list, value, onClose }: Props) {
  const { t } = useTranslation();
  const withParent = list === 'subdistricts';
  const withKind = list === 'organisations';
  const districts = useReference('districts');

  const form = useForm<Values>({
    initialValues: {
      code: value?.code ?? '',
      labelDe: value?.labelDe ?? '',
      labelEn: value?.labelEn ?? '',
      parentCode: value?.parentCode ?? null,
      kind: value?.kind ?? null,
    },
    validate: {
      code: (v) => (value || v.trim() ? null : t('validation.required')),
      labelDe: (v) => (v.trim() ? null : t('validation.required')),
      labelEn: (v) => (v.trim() ? null : t('validation.required')),
      parentCode: (v) => (withParent && !v ? t('validation.required') : null),
      kind: (v) => (withKind && !v ? t('validation.required') : null),
    },
  });

  const scaffold = useFormMutation({
    form,
    mutationFn: (values: Values) => {
      const labels = { labelDe: values.labelDe.trim(), labelEn: values.labelEn.trim() };
      const extra = {
        ...(withParent ? { parentCode: values.parentCode } : {}),
        ...(withKind ? { kind: values.kind as CreateReferenceBody['kind'] } : {}),
      };
      if (value) {
        const body: UpdateReferenceBody = { ...labels, ...extra };
        return api.patch<ReferenceValue>(`/api/reference/${list}/${encodeURIComponent(value.code)}`, body);
      }
      const body: CreateReferenceBody = { code: values.code.trim(), ...labels, ...extra };
      return api.post<ReferenceValue>(`/api/reference/${list}`, body);
    },
    invalidate: [queryKeys.reference(list)],
    notify: (saved) => t(value ? 'reference.saved' : 'reference.created', { label: saved.label }),
    close: onClose,
    messages: { code: t('validation.referenceCode') },
  });

  const districtOptions = (districts.data ?? [])
    .filter((d) => d.active || d.code === value?.parentCode)
    .map((d) => ({ value: d.code, label: d.label }));

  return (
    <ModalForm
      title={value ? t('reference.editTitle', { label: value.label }) : t('reference.createTitle')}
      size="md"
      onClose={onClose}
      scaffold={scaffold}
      submitLabel={value ? t('common.save') : t('reference.create')}
    >
      {value ? null : (
        <TextInput
          label={t('reference.code')}
          description={t('reference.codeHint')}
          required
          autoComplete="off"
          data-autofocus
          {...form.getInputProps('code')}
        />
      )}
      <TextInput label={t('reference.labelDe')} required lang="de" {...form.getInputProps('labelDe')} />
      <TextInput label={t('reference.labelEn')} required lang="en" {...form.getInputProps('labelEn')} />
      {withParent ? (
        <Select
          label={t('reference.parent')}
          data={districtOptions}
          required
          searchable
          {...form.getInputProps('parentCode')}
        />
      ) : null}
      {withKind ? (
        <Select
          label={t('reference.kind')}
          data={organisationKinds.map((k) => ({ value: k, label: t(`organisationKinds.${k}`) }))}
          required
          {...form.getInputProps('kind')}
        />
      ) : null}
    </ModalForm>
  );
}
