import {
  Button,
  Fieldset,
  Group,
  MultiSelect,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { CreateHouseholdBody, Household } from '../../../shared/schemas/households';
import { api } from '../../app/api';
import { DateField } from '../../ui/DateField';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { parseDateInput } from '../../ui/format';
import { notifySuccess } from '../../ui/notify';
import { Page } from '../../ui/Page';
import { caseworkKeys } from './api';
import { MemberFields } from './components/MemberFields';
import { QuickSelect } from './components/QuickSelect';
import {
  applyIssues,
  dateOrNull,
  focusFirstError,
  optionalDate,
  requiredDate,
  textOrNull,
  todayInput,
} from './forms';
import {
  emptyMember,
  type MemberValues,
  memberAliases,
  memberMessages,
  memberRules,
  toPersonInput,
} from './members';
import { useLanguageOptions, useRefOptions, useSiteChoices } from './options';

interface Values {
  siteId: string | null;
  category: string | null;
  registeredOn: string;
  districtCode: string | null;
  address: { street: string; postcode: string; subdistrictCode: string | null };
  movedInOn: string;
  languages: string[];
  members: MemberValues[];
}

const maxMembers = 30;

export function HouseholdCreatePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const formRef = useRef<HTMLFormElement>(null);
  const sites = useSiteChoices();
  const categories = useRefOptions('household-categories');
  const districts = useRefOptions('districts');
  const subdistricts = useRefOptions('subdistricts');
  const languages = useLanguageOptions();

  const form = useForm<Values>({
    initialValues: {
      siteId: null,
      category: null,
      registeredOn: todayInput(),
      districtCode: null,
      address: { street: '', postcode: '', subdistrictCode: null },
      movedInOn: '',
      languages: [],
      members: [emptyMember('head')],
    },
    validate: {
      siteId: (v) => (v ? null : t('validation.required')),
      category: (v) => (v ? null : t('validation.required')),
      registeredOn: requiredDate(t),
      movedInOn: optionalDate(t),
      address: {
        postcode: (v) => (v.trim() && !/^\d{5}$/.test(v.trim()) ? t('casework.validation.postcode') : null),
      },
      members: memberRules(t),
    },
  });

  // defaults that need the lists: the first own site, the refugee household category
  const firstSite = sites.own[0]?.id;
  const firstCategory =
    categories.options.find((o) => o.value === 'refugee')?.value ?? categories.options[0]?.value;
  // biome-ignore lint/correctness/useExhaustiveDependencies: set once when the lists arrive
  useEffect(() => {
    if (!form.values.siteId && firstSite) form.setFieldValue('siteId', firstSite);
  }, [firstSite]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: set once when the list arrives
  useEffect(() => {
    if (!form.values.category && firstCategory) form.setFieldValue('category', firstCategory);
  }, [firstCategory]);

  const mutation = useMutation({
    mutationFn: (values: Values) => {
      const street = textOrNull(values.address.street);
      const postcode = textOrNull(values.address.postcode);
      const body: CreateHouseholdBody = {
        siteId: values.siteId as string,
        category: values.category as string,
        registeredOn: parseDateInput(values.registeredOn) as string,
        districtCode: values.districtCode,
        address: { street, postcode, subdistrictCode: values.address.subdistrictCode },
        movedInOn: dateOrNull(values.movedInOn),
        languages: values.languages,
        members: values.members.map(toPersonInput),
      };
      return api.post<Household>('/api/households', body);
    },
    onSuccess: async (created) => {
      await queryClient.invalidateQueries({ queryKey: caseworkKeys.householdLists });
      queryClient.setQueryData(caseworkKeys.household(created.id), created);
      notifySuccess(t('casework.create.created', { caseNumber: created.caseNumber }));
      navigate(`/households/${created.id}`);
    },
    onError: (error) => {
      applyIssues(
        form,
        error,
        t('validation.invalid'),
        {
          ...memberMessages(t),
          postcode: t('casework.validation.postcode'),
          registeredOn: t('validation.date'),
          movedInOn: t('validation.date'),
        },
        memberAliases,
      );
      focusFirstError(formRef.current);
    },
  });

  const addMember = () => {
    const index = form.values.members.length;
    form.insertListItem('members', emptyMember(null));
    requestAnimationFrame(() => form.getInputNode(`members.${index}.firstName`)?.focus());
  };
  const removeMember = (index: number) => {
    form.removeListItem('members', index);
    const next = Math.max(0, index - 1);
    requestAnimationFrame(() => form.getInputNode(`members.${next}.firstName`)?.focus());
  };

  const subdistrictOptions = subdistricts.values
    .filter(
      (s) =>
        s.parentCode === form.values.districtCode &&
        (s.active || s.code === form.values.address.subdistrictCode),
    )
    .map((s) => ({ value: s.code, label: s.label }));

  return (
    <Page title={t('casework.create.title')}>
      <ErrorAlert error={mutation.error} />
      <ErrorAlert error={sites.query.error ?? categories.query.error ?? districts.query.error} />
      <form
        ref={formRef}
        noValidate
        onSubmit={form.onSubmit(
          (values) => mutation.mutate(values),
          () => focusFirstError(formRef.current),
        )}
      >
        <Stack gap="lg">
          <Paper withBorder p="lg" radius="md">
            <Fieldset
              variant="unstyled"
              legend={
                <Text component="span" fw={700} size="lg">
                  {t('casework.create.household')}
                </Text>
              }
            >
              <Stack gap="sm">
                <SimpleGrid cols={{ base: 1, sm: 3 }}>
                  <QuickSelect
                    label={t('casework.household.category')}
                    required
                    data={categories.options}
                    {...form.getInputProps('category')}
                  />
                  <QuickSelect
                    label={t('casework.household.site')}
                    required
                    data={sites.ownOptions}
                    {...form.getInputProps('siteId')}
                  />
                  <DateField
                    label={t('casework.household.registeredOn')}
                    required
                    {...form.getInputProps('registeredOn')}
                  />
                </SimpleGrid>
                <MultiSelect
                  label={t('casework.household.languages')}
                  description={t('casework.household.languagesHint')}
                  data={languages}
                  searchable
                  hidePickedOptions
                  nothingFoundMessage={t('casework.common.nothingFound')}
                  {...form.getInputProps('languages')}
                />
              </Stack>
            </Fieldset>
          </Paper>

          <Paper withBorder p="lg" radius="md">
            <Fieldset
              variant="unstyled"
              legend={
                <Text component="span" fw={700} size="lg">
                  {t('casework.household.address')}
                </Text>
              }
            >
              <Stack gap="sm">
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
                    data={districts.options}
                    {...form.getInputProps('districtCode')}
                    onChange={(value) => {
                      form.setFieldValue('districtCode', value);
                      const sub = subdistricts.values.find(
                        (s) => s.code === form.values.address.subdistrictCode,
                      );
                      if (sub && sub.parentCode !== value)
                        form.setFieldValue('address.subdistrictCode', null);
                    }}
                  />
                  <QuickSelect
                    label={t('casework.household.subdistrict')}
                    description={
                      form.values.districtCode ? undefined : t('casework.household.subdistrictHint')
                    }
                    clearable
                    disabled={!form.values.districtCode}
                    data={subdistrictOptions}
                    {...form.getInputProps('address.subdistrictCode')}
                  />
                </SimpleGrid>
              </Stack>
            </Fieldset>
          </Paper>

          <Stack gap="sm">
            <Title order={2} size="h3">
              {t('casework.create.members')}
            </Title>
            {form.values.members.map((member, index) => (
              <Paper key={member.key} withBorder p="lg" radius="md">
                <Fieldset
                  variant="unstyled"
                  legend={
                    <Text component="span" fw={700} size="lg">
                      {t('casework.create.person', { n: index + 1 })}
                    </Text>
                  }
                >
                  <MemberFields form={form} prefix={`members.${index}.`} values={member} />
                  {form.values.members.length > 1 ? (
                    <Group justify="flex-end" mt="sm">
                      <Button variant="default" color="red" onClick={() => removeMember(index)}>
                        {t('casework.create.removePerson', { n: index + 1 })}
                      </Button>
                    </Group>
                  ) : null}
                </Fieldset>
              </Paper>
            ))}
            <Group>
              <Button
                variant="default"
                onClick={addMember}
                disabled={form.values.members.length >= maxMembers}
              >
                {t('casework.create.addPerson')}
              </Button>
            </Group>
          </Stack>

          <Group justify="flex-end">
            <Button variant="default" component={Link} to="/households">
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={mutation.isPending}>
              {t('casework.create.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Page>
  );
}
