import { Select, Stack, TagsInput, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { cityWideRoles } from '../../../shared/permissions';
import { api } from '../../app/api';
import { useUser } from '../../app/session';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { FormActions } from '../../ui/forms/FormActions';
import { useFormMutation } from '../../ui/forms/useFormMutation';
import { Page } from '../../ui/Page';
import { QuickMultiSelect } from '../../ui/select/QuickMultiSelect';
import { required, textOrNull } from '../casework/forms';
import { useRefOptions, useSiteChoices } from '../casework/options';
import { networkKeys, type Partner, usePartner } from './api';
import { ContactPersonsFields, type ContactPersonValues } from './ContactPersonsFields';
import { LoadState } from './LoadState';
import { useNetworkOptions } from './labels';

interface Values {
  name: string;
  kind: string | null;
  siteId: string | null;
  districtCodes: string[];
  contactPersons: ContactPersonValues[];
  tags: string[];
  note: string;
}

function initialValues(p: Partner | undefined, siteId: string | null): Values {
  return {
    name: p?.name ?? '',
    kind: p?.kind ?? null,
    siteId: p?.siteId ?? siteId,
    districtCodes: p?.districtCodes ?? [],
    contactPersons: (p?.contactPersons ?? []).map((c) => ({
      name: c.name,
      function: c.function ?? '',
      phone: c.phone ?? '',
      email: c.email ?? '',
    })),
    tags: p?.tags ?? [],
    note: p?.note ?? '',
  };
}

function body(v: Values) {
  return {
    ...v,
    note: textOrNull(v.note),
    contactPersons: v.contactPersons.map((c) => ({
      name: c.name.trim(),
      function: textOrNull(c.function),
      phone: textOrNull(c.phone),
      email: textOrNull(c.email),
    })),
  };
}

/** Create (`/network/partners/new`) or edit (`/network/partners/:id/edit`) a partner. */
export function PartnerFormPage() {
  const { id } = useParams();
  const existing = usePartner(id);
  if (id && !existing.data) return <LoadState error={existing.error} />;
  return <PartnerForm key={id ?? 'new'} partner={existing.data} />;
}

function PartnerForm({ partner }: { partner?: Partner }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const user = useUser();
  const sites = useSiteChoices();
  const districts = useRefOptions('districts', partner?.districtCodes ?? []);
  const options = useNetworkOptions();
  const form = useForm<Values>({
    initialValues: initialValues(partner, user.siteIds[0] ?? null),
    validate: {
      name: required(t),
      kind: required(t),
      siteId: required(t),
      contactPersons: { name: required(t) },
    },
  });
  const scaffold = useFormMutation({
    form,
    mutationFn: (v: Values) =>
      partner
        ? api.patch<Partner>(`/api/partners/${partner.id}`, body(v))
        : api.post<Partner>('/api/partners', body(v)),
    invalidate: [networkKeys.all],
    notify: (p) => t('network.partners.saved', { name: p.name }),
    onSaved: (p) => navigate(`/network/partners/${p.id}`),
  });
  const siteOptions = (cityWideRoles.includes(user.role) ? sites.all : sites.own).map((s) => ({
    value: s.id,
    label: s.name,
  }));

  return (
    <Page title={partner ? t('network.partners.editTitle') : t('network.partners.createTitle')}>
      <form ref={scaffold.formRef} noValidate onSubmit={scaffold.onSubmit}>
        <Stack maw={880}>
          <ErrorAlert error={scaffold.mutation.error} />
          <TextInput label={t('network.partners.name')} required {...form.getInputProps('name')} />
          <Select
            label={t('network.partners.kind')}
            required
            data={options.kinds}
            {...form.getInputProps('kind')}
          />
          <Select
            label={t('network.partners.site')}
            required
            data={siteOptions}
            allowDeselect={false}
            {...form.getInputProps('siteId')}
          />
          <QuickMultiSelect
            label={t('network.partners.districts')}
            data={districts.options}
            {...form.getInputProps('districtCodes')}
          />
          <ContactPersonsFields form={form} />
          <TagsInput
            label={t('network.partners.tags')}
            description={t('network.partners.tagsHint')}
            {...form.getInputProps('tags')}
          />
          <Textarea label={t('network.partners.note')} autosize minRows={3} {...form.getInputProps('note')} />
          <FormActions
            cancelTo={partner ? `/network/partners/${partner.id}` : '/network/partners'}
            loading={scaffold.mutation.isPending}
          />
        </Stack>
      </form>
    </Page>
  );
}
