import { Group, Radio, SimpleGrid, Stack, TextInput } from '@mantine/core';
import type { GetInputPropsReturnType } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { genders, householdRoles } from '../../../../shared/schemas/households';
import { DateField } from '../../../ui/DateField';
import { QuickMultiSelect } from '../../../ui/select/QuickMultiSelect';
import { QuickSelect } from '../../../ui/select/QuickSelect';
import type { MemberValues } from '../members';
import { useCountryOptions, useLanguageOptions, useRefOptions } from '../options';
import { DuplicateWarning } from './DuplicateWarning';

/** The part of a Mantine form the fields need (method syntax: any form's paths are accepted). */
export interface FieldSource {
  getInputProps(path: string, options?: { type?: 'input' | 'checkbox' }): GetInputPropsReturnType;
}

interface Props {
  form: FieldSource;
  /** path of the person in the form, with a trailing dot (`members.0.`), or '' */
  prefix: string;
  values: MemberValues;
  excludePersonId?: string;
}

/** A person's fields: names, birth, gender, role, nationality, languages, residence; with the duplicate check. */
export function MemberFields({ form, prefix, values, excludePersonId }: Props) {
  const { t } = useTranslation();
  const countries = useCountryOptions();
  const languages = useLanguageOptions();
  const residence = useRefOptions('residence-statuses', [values.residenceStatus]);
  const field = (name: keyof MemberValues) => form.getInputProps(`${prefix}${name}`);

  return (
    <Stack gap="sm">
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <TextInput
          label={t('casework.person.firstName')}
          required
          autoComplete="off"
          {...field('firstName')}
        />
        <TextInput label={t('casework.person.lastName')} required autoComplete="off" {...field('lastName')} />
        <TextInput
          label={t('casework.person.originalScriptName')}
          autoComplete="off"
          {...field('originalScriptName')}
        />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <DateField
          label={t('casework.person.birth')}
          description={t('casework.person.birthHint')}
          {...field('birth')}
        />
        <QuickSelect
          label={t('casework.person.role')}
          required
          data={householdRoles.map((r) => ({ value: r, label: t(`casework.role.${r}`) }))}
          {...field('roleInHousehold')}
        />
        <QuickSelect
          label={t('casework.person.nationality')}
          clearable
          data={countries}
          limit={30}
          {...field('nationality')}
        />
      </SimpleGrid>
      <DuplicateWarning
        firstName={values.firstName}
        lastName={values.lastName}
        birth={values.birth}
        excludePersonId={excludePersonId}
      />
      <Radio.Group label={t('casework.person.gender')} {...field('gender')}>
        <Group gap="md" mt={4}>
          {genders.map((g) => (
            <Radio key={g} value={g} label={t(`casework.gender.${g}`)} />
          ))}
        </Group>
      </Radio.Group>
      <QuickMultiSelect label={t('casework.person.languages')} data={languages} {...field('languages')} />
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <QuickSelect
          label={t('casework.person.residenceStatus')}
          clearable
          data={residence.options}
          {...field('residenceStatus')}
        />
        <DateField label={t('casework.person.residenceValidUntil')} {...field('residenceValidUntil')} />
        <TextInput
          label={t('casework.person.residenceRequirement')}
          description={t('casework.person.residenceRequirementHint')}
          autoComplete="off"
          {...field('residenceRequirement')}
        />
      </SimpleGrid>
    </Stack>
  );
}
