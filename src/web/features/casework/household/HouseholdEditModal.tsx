import { Select, SimpleGrid } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { householdStatuses, type UpdateHouseholdBody } from '../../../../shared/schemas/households';
import { welcomeVisitDue } from '../../../../shared/welcome-visit';
import { api } from '../../../app/api';
import { formatDate } from '../../../ui/format';
import { ModalForm } from '../../../ui/forms/ModalForm';
import { useFormMutation } from '../../../ui/forms/useFormMutation';
import { QuickMultiSelect } from '../../../ui/select/QuickMultiSelect';
import { QuickSelect } from '../../../ui/select/QuickSelect';
import { caseworkKeys, type Household } from '../api';
import {
  AddressFields,
  type AddressValues,
  addressMessages,
  postcodeRule,
} from '../components/AddressFields';
import { dateOrNull, optionalDate, textOrNull } from '../forms';
import { useLanguageOptions, useRefOptions } from '../options';

type Status = (typeof householdStatuses)[number];

interface Values extends AddressValues {
  category: string;
  status: Status;
  languages: string[];
}

/** Only what differs from the stored household (the server refuses an empty PATCH). */
function changes(household: Household, v: Values): UpdateHouseholdBody {
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
  return body;
}

/** The household's own data (Stammdaten) and its status; only what changed is sent. */
export function HouseholdEditModal({ household, onClose }: { household: Household; onClose(): void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const categories = useRefOptions('household-categories', [household.category]);
  const districts = useRefOptions('districts', [household.districtCode]);
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
    validate: { movedInOn: optionalDate(t), address: { postcode: postcodeRule(t) } },
  });
  const scaffold = useFormMutation({
    form,
    mutationFn: (v: Values) => {
      const body = changes(household, v);
      if (Object.keys(body).length === 0) return Promise.resolve(null);
      return api.patch<Household>(`/api/households/${household.id}`, body);
    },
    // the page shows the saved household at once; the lists refresh
    onSaved: (saved) => {
      queryClient.setQueryData(caseworkKeys.household(household.id), saved);
    },
    invalidate: [caseworkKeys.householdLists],
    // a new move-in date puts a welcome visit on the follow-ups: the confirmation says so
    notify: (saved) =>
      saved?.movedInOn && saved.movedInOn !== household.movedInOn
        ? `${t('casework.household.saved')} ${t('myWork.welcomeVisit', { date: formatDate(welcomeVisitDue(saved.movedInOn)) })}`
        : t('casework.household.saved'),
    close: onClose,
    messages: addressMessages(t),
  });

  return (
    <ModalForm
      title={t('casework.household.editTitle', { caseNumber: household.caseNumber })}
      size="xl"
      onClose={onClose}
      scaffold={scaffold}
    >
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
      <AddressFields
        form={form}
        districts={districts.options}
        keepSubdistrict={household.address.subdistrictCode}
      />
      <QuickMultiSelect
        label={t('casework.household.languages')}
        data={languages}
        {...form.getInputProps('languages')}
      />
    </ModalForm>
  );
}
