import { Button, Group, MultiSelect, Paper, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import type { ReferenceValue } from '../../../shared/schemas/reference';
import type { CreateSiteBody, Site } from '../../../shared/schemas/sites';
import { api } from '../../app/api';
import { queryKeys, useReference, useSites } from '../../app/queries';
import { DateField } from '../../ui/DateField';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { formatDate, parseDateInput } from '../../ui/format';
import { applyFieldIssues } from '../../ui/forms/fieldIssues';
import { notifySuccess } from '../../ui/notify';
import { Page } from '../../ui/Page';

interface Values {
  code: string;
  name: string;
  openedOn: string;
  closedOn: string;
  districtCodes: string[];
  organisationIds: string[];
}

/** Options from a reference list: active values, plus inactive ones the record still uses. */
function options(values: ReferenceValue[] | undefined, selected: string[], key: 'code' | 'id') {
  return (values ?? [])
    .filter((v) => v.active || selected.includes(v[key]))
    .map((v) => ({ value: v[key], label: v.active ? v.label : `${v.label} (${v.code})` }));
}

function SiteForm({ site }: { site: Site | null }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const districts = useReference('districts');
  const organisations = useReference('organisations');

  const form = useForm<Values>({
    initialValues: {
      code: site?.code ?? '',
      name: site?.name ?? '',
      openedOn: formatDate(site?.openedOn),
      closedOn: formatDate(site?.closedOn),
      districtCodes: site?.districtCodes ?? [],
      organisationIds: site?.organisationIds ?? [],
    },
    validate: {
      code: (v) => (v.trim() ? null : t('validation.required')),
      name: (v) => (v.trim() ? null : t('validation.required')),
      openedOn: (v) => {
        const parsed = parseDateInput(v);
        if (parsed === '') return t('validation.required');
        return parsed === null ? t('validation.date') : null;
      },
      closedOn: (v, values) => {
        const parsed = parseDateInput(v);
        if (parsed === null) return t('validation.date');
        const opened = parseDateInput(values.openedOn);
        if (parsed && opened && parsed < opened) return t('validation.closedBeforeOpened');
        return null;
      },
    },
  });

  const mutation = useMutation({
    mutationFn: (values: Values) => {
      const body: CreateSiteBody = {
        code: values.code.trim(),
        name: values.name.trim(),
        openedOn: parseDateInput(values.openedOn) as string,
        closedOn: parseDateInput(values.closedOn) || null,
        districtCodes: values.districtCodes,
        organisationIds: values.organisationIds,
      };
      return site ? api.patch<Site>(`/api/sites/${site.id}`, body) : api.post<Site>('/api/sites', body);
    },
    onSuccess: async (saved) => {
      await queryClient.invalidateQueries({ queryKey: queryKeys.sites });
      notifySuccess(t(site ? 'sites.saved' : 'sites.created', { name: saved.name }));
      navigate('/sites');
    },
    onError: (error) =>
      applyFieldIssues(form, error, t('validation.invalid'), {
        code: t('validation.siteCode'),
        openedOn: t('validation.date'),
        closedOn: t('validation.closedBeforeOpened'),
      }),
  });

  return (
    <>
      <ErrorAlert error={mutation.error} />
      <ErrorAlert error={districts.error ?? organisations.error} />
      <Paper withBorder p="lg" radius="md" maw={720}>
        <form onSubmit={form.onSubmit((values) => mutation.mutate(values))} noValidate>
          <Stack>
            <TextInput
              label={t('sites.code')}
              description={t('sites.codeHint')}
              required
              autoComplete="off"
              {...form.getInputProps('code')}
            />
            <TextInput label={t('sites.name')} required {...form.getInputProps('name')} />
            <Group grow align="flex-start">
              <DateField label={t('sites.openedOn')} required {...form.getInputProps('openedOn')} />
              <DateField label={t('sites.closedOn')} {...form.getInputProps('closedOn')} />
            </Group>
            <MultiSelect
              label={t('sites.districts')}
              description={t('sites.districtsHint')}
              data={options(districts.data, form.values.districtCodes, 'code')}
              searchable
              clearable
              {...form.getInputProps('districtCodes')}
            />
            <MultiSelect
              label={t('sites.organisations')}
              data={options(organisations.data, form.values.organisationIds, 'id')}
              searchable
              clearable
              {...form.getInputProps('organisationIds')}
            />
            <Group justify="flex-end">
              <Button variant="default" component={Link} to="/sites">
                {t('common.cancel')}
              </Button>
              <Button type="submit" loading={mutation.isPending}>
                {site ? t('common.save') : t('sites.create')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Paper>
    </>
  );
}

export function SiteFormPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const sites = useSites();
  if (!id) {
    return (
      <Page title={t('sites.createTitle')}>
        <SiteForm site={null} />
      </Page>
    );
  }
  const site = sites.data?.find((s) => s.id === id);
  return (
    <Page title={site ? t('sites.editTitle', { name: site.name }) : t('sites.editTitleShort')}>
      <ErrorAlert error={sites.error} />
      {site ? <SiteForm key={site.id} site={site} /> : null}
      {sites.isSuccess && !site ? <Text>{t('sites.notFound')}</Text> : null}
    </Page>
  );
}
