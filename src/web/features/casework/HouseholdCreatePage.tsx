import { Button, Fieldset, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQueryClient } from '@tanstack/react-query';
import { type ReactNode, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { CreateHouseholdBody, Household } from '../../../shared/schemas/households';
import { welcomeVisitDue } from '../../../shared/welcome-visit';
import { api } from '../../app/api';
import { DateField } from '../../ui/DateField';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { formatDate, parseDateInput } from '../../ui/format';
import { FormActions } from '../../ui/forms/FormActions';
import { useFormMutation } from '../../ui/forms/useFormMutation';
import { Page } from '../../ui/Page';
import { QuickMultiSelect } from '../../ui/select/QuickMultiSelect';
import { QuickSelect } from '../../ui/select/QuickSelect';
import { caseworkKeys } from './api';
import { AddressFields, type AddressValues, addressMessages, postcodeRule } from './components/AddressFields';
import { type ExistingHousehold, findExistingHousehold } from './components/duplicateQuery';
import { ExistingHouseholdDialog } from './components/ExistingHouseholdDialog';
import { MemberFields } from './components/MemberFields';
import { dateOrNull, optionalDate, registrationRule, setDefault, textOrNull, todayInput } from './forms';
import {
  emptyMember,
  type MemberValues,
  memberAliases,
  memberMessages,
  memberRules,
  toPersonInput,
} from './members';
import { useLanguageOptions, useRefOptions, useSiteChoices } from './options';

interface Values extends AddressValues {
  siteId: string | null;
  category: string | null;
  registeredOn: string;
  languages: string[];
  members: MemberValues[];
}

const maxMembers = 30;

function toBody(values: Values): CreateHouseholdBody {
  return {
    siteId: values.siteId as string,
    category: values.category as string,
    registeredOn: parseDateInput(values.registeredOn) as string,
    districtCode: values.districtCode,
    address: {
      street: textOrNull(values.address.street),
      postcode: textOrNull(values.address.postcode),
      subdistrictCode: values.address.subdistrictCode,
    },
    movedInOn: dateOrNull(values.movedInOn),
    languages: values.languages,
    members: values.members.map(toPersonInput),
  };
}

/** One part of the registration form: a framed group with a large legend. */
function Section({ legend, children }: { legend: string; children: ReactNode }) {
  return (
    <Paper withBorder p="lg" radius="md">
      <Fieldset
        variant="unstyled"
        legend={
          <Text component="span" fw={700} size="lg">
            {legend}
          </Text>
        }
      >
        {children}
      </Fieldset>
    </Paper>
  );
}

export function HouseholdCreatePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const sites = useSiteChoices();
  const categories = useRefOptions('household-categories');
  const districts = useRefOptions('districts');
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
      registeredOn: registrationRule(t),
      movedInOn: optionalDate(t),
      address: { postcode: postcodeRule(t) },
      members: memberRules(t),
    },
  });

  // defaults that need the lists: the first own site, the refugee household category
  const firstSite = sites.own[0]?.id;
  const firstCategory =
    categories.options.find((o) => o.value === 'refugee')?.value ?? categories.options[0]?.value;
  // biome-ignore lint/correctness/useExhaustiveDependencies: set once when the lists arrive
  useEffect(() => {
    if (!form.values.siteId && firstSite) setDefault(form, 'siteId', firstSite);
  }, [firstSite]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: set once when the list arrives
  useEffect(() => {
    if (!form.values.category && firstCategory) setDefault(form, 'category', firstCategory);
  }, [firstCategory]);

  const scaffold = useFormMutation({
    form,
    mutationFn: (values: Values) => api.post<Household>('/api/households', toBody(values)),
    invalidate: [caseworkKeys.householdLists],
    onSaved: (created) => {
      queryClient.setQueryData(caseworkKeys.household(created.id), created);
      navigate(`/households/${created.id}`);
    },
    notify: (created) =>
      created.movedInOn
        ? `${t('casework.create.created', { caseNumber: created.caseNumber })} ${t('myWork.welcomeVisit', { date: formatDate(welcomeVisitDue(created.movedInOn)) })}`
        : t('casework.create.created', { caseNumber: created.caseNumber }),
    messages: { ...memberMessages(t), ...addressMessages(t) },
    aliases: memberAliases,
    // people who all belong to one household already: offer that household before a duplicate
    ask: async (values) => {
      const existing = await findExistingHousehold(queryClient, values.members).catch(() => null);
      return existing ? { title: '', message: '', confirmLabel: '', data: existing } : null;
    },
  });
  const existing = (scaffold.question?.data as ExistingHousehold | undefined) ?? null;

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

  return (
    <Page title={t('casework.create.title')}>
      <ErrorAlert error={scaffold.mutation.error} />
      <ErrorAlert error={sites.query.error ?? categories.query.error ?? districts.query.error} />
      <form ref={scaffold.formRef} noValidate onSubmit={scaffold.onSubmit}>
        <Stack gap="lg">
          <Section legend={t('casework.create.household')}>
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
              <QuickMultiSelect
                label={t('casework.household.languages')}
                description={t('casework.household.languagesHint')}
                data={languages}
                {...form.getInputProps('languages')}
              />
            </Stack>
          </Section>

          <Section legend={t('casework.household.address')}>
            <Stack gap="sm">
              <AddressFields form={form} districts={districts.options} />
            </Stack>
          </Section>

          <Stack gap="sm">
            <Title order={2} size="h3">
              {t('casework.create.members')}
            </Title>
            {form.values.members.map((member, index) => (
              <Section key={member.key} legend={t('casework.create.person', { n: index + 1 })}>
                <MemberFields form={form} prefix={`members.${index}.`} values={member} />
                {form.values.members.length > 1 ? (
                  <Group justify="flex-end" mt="sm">
                    <Button variant="default" color="red" onClick={() => removeMember(index)}>
                      {t('casework.create.removePerson', { n: index + 1 })}
                    </Button>
                  </Group>
                ) : null}
              </Section>
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

          <FormActions
            cancelTo="/households"
            submitLabel={t('casework.create.submit')}
            loading={scaffold.mutation.isPending}
          />
        </Stack>
      </form>
      <ExistingHouseholdDialog
        existing={existing}
        onOpen={(found) => {
          scaffold.answer(false);
          scaffold.discard();
          navigate(`/households/${found.householdId}`);
        }}
        onSaveAnyway={() => scaffold.answer(true)}
        onCancel={() => scaffold.answer(false)}
      />
    </Page>
  );
}
