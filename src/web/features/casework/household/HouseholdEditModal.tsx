import { Button, Group, MultiSelect, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { householdStatuses, type UpdateHouseholdBody } from '../../../../shared/schemas/households';
import { api } from '../../../app/api';
import { DateField } from '../../../ui/DateField';
import { ErrorAlert } from '../../../ui/ErrorAlert';
import { formatDate } from '../../../ui/format';
import { notifySuccess } from '../../../ui/notify';
import { caseworkKeys, type Household } from '../api';
import { CaseModal } from '../components/CaseModal';
import { QuickSelect } from '../components/QuickSelect';
import { applyIssues, dateOrNull, focusFirstError, optionalDate, textOrNull } from '../forms';
import { useLanguageOptions, useRefOptions } from '../options';

type Status = (typeof householdStatuses)[number];

interface Values {
  category: string;
  status: Status;
  districtCode: string | null;
  address: { street: string; postcode: string; subdistrictCode: string | null };
  movedInOn: string;
  languages: string[];
}

/** The household's own data (Stammdaten) and its status; only what changed is sent. */
export function HouseholdEditModal({ household, onClose }: { household: Household; onClose(): void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const formRef = useRef<HTMLFormElement>(null);
  const categories = useRefOptions('household-categories', [household.category]);
  const districts = useRefOptions('districts', [household.districtCode]);
  const subdistricts = useRefOptions('subdistricts');
  const languages = useLanguageOptions();
  const form = useForm<Values>({
    initialValues: {
      category: household.category,
      status: household.status,
      districtCode: household.districtCode,
      address: {
        street: household.address.street ?? '',
        postcode: household.address.postcode ?? '',
        subdistrictCode: household.address.subdistrictCode,
      },
      movedInOn: formatDate(household.movedInOn),
      languages: household.languages,
    },
    validate: {
      movedInOn: optionalDate(t),
      address: {
        postcode: (v) => (v.trim() && !/^\d{5}$/.test(v.trim()) ? t('casework.validation.postcode') : null),
      },
    },
  });

  const save = useMutation({
    mutationFn: (v: Values) => {
      const body: UpdateHouseholdBody = {};
      if (v.category !== household.category) body.category = v.category;
      if (v.status !== household.status) body.status = v.status;
      if (v.districtCode !== household.districtCode) body.districtCode = v.districtCode;
      const movedInOn = dateOrNull(v.movedInOn);
      if (movedInOn !== household.movedInOn) body.movedInOn = movedInOn;
      if (JSON.stringify(v.languages) !== JSON.stringify(household.languages)) body.languages = v.languages;
      const address: NonNullable<UpdateHouseholdBody['address']> = {};
      if (textOrNull(v.address.street) !== household.address.street)
        address.street = textOrNull(v.address.street);
      if (textOrNull(v.address.postcode) !== household.address.postcode)
        address.postcode = textOrNull(v.address.postcode);
      if (v.address.subdistrictCode !== household.address.subdistrictCode)
        address.subdistrictCode = v.address.subdistrictCode;
      if (Object.keys(address).length > 0) body.address = address;
      if (Object.keys(body).length === 0) return Promise.resolve(null);
      return api.patch<Household>(`/api/households/${household.id}`, body);
    },
    onSuccess: async (saved) => {
      if (saved) {
        queryClient.setQueryData(caseworkKeys.household(household.id), saved);
        await queryClient.invalidateQueries({ queryKey: caseworkKeys.householdLists });
        notifySuccess(t('casework.household.saved'));
      }
      onClose();
    },
    onError: (error) => {
      applyIssues(form, error, t('validation.invalid'), {
        postcode: t('casework.validation.postcode'),
        movedInOn: t('validation.date'),
      });
      focusFirstError(formRef.current);
    },
  });

  const subdistrictOptions = subdistricts.values
    .filter(
      (s) =>
        s.parentCode === form.values.districtCode &&
        (s.active || s.code === household.address.subdistrictCode),
    )
    .map((s) => ({ value: s.code, label: s.label }));

  return (
    <CaseModal
      opened
      onClose={onClose}
      size="xl"
      title={t('casework.household.editTitle', { caseNumber: household.caseNumber })}
    >
      <form
        ref={formRef}
        noValidate
        onSubmit={form.onSubmit(
          (v) => save.mutate(v),
          () => focusFirstError(formRef.current),
        )}
      >
        <Stack>
          <ErrorAlert error={save.error} />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Select
              label={t('casework.household.status')}
              data={householdStatuses
                .filter((s) => s !== 'transferred' || household.status === 'transferred')
                .map((s) => ({ value: s, label: t(`casework.householdStatus.${s}`) }))}
              allowDeselect={false}
              {...form.getInputProps('status')}
            />
            <QuickSelect
              label={t('casework.household.category')}
              required
              data={categories.options}
              {...form.getInputProps('category')}
            />
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <TextInput
              label={t('casework.household.street')}
              autoComplete="off"
              {...form.getInputProps('address.street')}
            />
            <TextInput
              label={t('casework.household.postcode')}
              inputMode="numeric"
              maxLength={5}
              autoComplete="off"
              {...form.getInputProps('address.postcode')}
            />
            <DateField
              label={t('casework.household.movedInOn')}
              description={t('casework.household.movedInOnHint')}
              {...form.getInputProps('movedInOn')}
            />
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <QuickSelect
              label={t('casework.household.district')}
              clearable
              data={districts.options}
              {...form.getInputProps('districtCode')}
              onChange={(value) => {
                form.setFieldValue('districtCode', value);
                const sub = subdistricts.values.find((s) => s.code === form.values.address.subdistrictCode);
                if (sub && sub.parentCode !== value) form.setFieldValue('address.subdistrictCode', null);
              }}
            />
            <QuickSelect
              label={t('casework.household.subdistrict')}
              description={form.values.districtCode ? undefined : t('casework.household.subdistrictHint')}
              clearable
              disabled={!form.values.districtCode}
              data={subdistrictOptions}
              {...form.getInputProps('address.subdistrictCode')}
            />
          </SimpleGrid>
          <MultiSelect
            label={t('casework.household.languages')}
            data={languages}
            searchable
            hidePickedOptions
            nothingFoundMessage={t('casework.common.nothingFound')}
            {...form.getInputProps('languages')}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending}>
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </CaseModal>
  );
}
