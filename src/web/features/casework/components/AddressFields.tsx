import { SimpleGrid, TextInput } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { DateField } from '../../../ui/DateField';
import { QuickSelect } from '../../../ui/select/QuickSelect';
import type { Option } from '../options';
import { useRefOptions } from '../options';
import type { FieldSource } from './MemberFields';

/** The household's address as its forms hold it. */
export interface AddressValues {
  districtCode: string | null;
  address: { street: string; postcode: string; subdistrictCode: string | null };
  movedInOn: string;
}

/** The part of a Mantine form the address needs (method syntax: any form with these values fits). */
interface AddressForm extends FieldSource {
  values: AddressValues;
  setFieldValue(path: string, value: string | null): void;
}

/** A postcode is empty or five digits. */
export function postcodeRule(t: TFunction) {
  return (v: string) => (v.trim() && !/^\d{5}$/.test(v.trim()) ? t('casework.validation.postcode') : null);
}

/** The UI's wording for the address fields' server issues (see `applyFieldIssues`). */
export function addressMessages(t: TFunction): Record<string, string> {
  return { postcode: t('casework.validation.postcode'), movedInOn: t('validation.date') };
}

/**
 * Street, postcode, moved-in date, district and statistical district. A district change clears a
 * subdistrict of another district; inactive subdistricts stay selectable where `keepSubdistrict` names one.
 */
export function AddressFields({
  form,
  districts,
  keepSubdistrict,
}: {
  form: AddressForm;
  districts: Option[];
  keepSubdistrict?: string | null;
}) {
  const { t } = useTranslation();
  const subdistricts = useRefOptions('subdistricts');
  const { districtCode, address } = form.values;
  const kept = keepSubdistrict === undefined ? address.subdistrictCode : keepSubdistrict;
  const subdistrictOptions = subdistricts.values
    .filter((s) => s.parentCode === districtCode && (s.active || s.code === kept))
    .map((s) => ({ value: s.code, label: s.label }));
  return (
    <>
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <TextInput
          label={t('casework.household.street')}
          autoComplete="off"
          {...form.getInputProps('address.street')}
        />
        <TextInput
          label={t('casework.household.postcode')}
          inputMode="numeric"
          autoComplete="off"
          maxLength={5}
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
          data={districts}
          {...form.getInputProps('districtCode')}
          onChange={(value) => {
            form.setFieldValue('districtCode', value);
            const sub = subdistricts.values.find((s) => s.code === address.subdistrictCode);
            if (sub && sub.parentCode !== value) form.setFieldValue('address.subdistrictCode', null);
          }}
        />
        <QuickSelect
          label={t('casework.household.subdistrict')}
          description={districtCode ? undefined : t('casework.household.subdistrictHint')}
          clearable
          disabled={!districtCode}
          data={subdistrictOptions}
          {...form.getInputProps('address.subdistrictCode')}
        />
      </SimpleGrid>
    </>
  );
}
