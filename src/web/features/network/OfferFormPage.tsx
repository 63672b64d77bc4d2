import { Checkbox, Group, Select, Stack, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import { todayBerlin } from '../../../shared/dates';
import { cityWideRoles } from '../../../shared/permissions';
import { api } from '../../app/api';
import { useUser } from '../../app/session';
import { DateField } from '../../ui/DateField';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { formatDate, parseDateInput } from '../../ui/format';
import { FormActions } from '../../ui/forms/FormActions';
import { useFormMutation } from '../../ui/forms/useFormMutation';
import { Page } from '../../ui/Page';
import { QuickMultiSelect } from '../../ui/select/QuickMultiSelect';
import { QuickSelect } from '../../ui/select/QuickSelect';
import { required, requiredDate, textOrNull } from '../casework/forms';
import { useLanguageOptions, useRefOptions } from '../casework/options';
import { networkKeys, type OfferDetail, useOffer, usePartnerList } from './api';
import { LoadState } from './LoadState';
import { useNetworkOptions } from './labels';

interface Values {
  title: string;
  partnerId: string | null;
  description: string;
  lifeAreas: string[];
  targetGroups: string[];
  languages: string[];
  districtCode: string | null;
  address: string;
  openingHours: string;
  appointmentOnly: boolean;
  free: boolean;
  accessible: boolean;
  status: string;
  lastCheckedOn: string;
}

function initialValues(o: OfferDetail | undefined, partnerId: string | null): Values {
  return {
    title: o?.title ?? '',
    partnerId: o?.partnerId ?? partnerId,
    description: o?.description ?? '',
    lifeAreas: o?.lifeAreas ?? [],
    targetGroups: o?.targetGroups ?? [],
    languages: o?.languages ?? [],
    districtCode: o?.districtCode ?? null,
    address: o?.address ?? '',
    openingHours: o?.openingHours ?? '',
    appointmentOnly: o?.appointmentOnly ?? false,
    free: o?.free ?? true,
    accessible: o?.accessible ?? false,
    status: o?.status ?? 'active',
    lastCheckedOn: formatDate(o?.lastCheckedOn ?? todayBerlin()),
  };
}

const nonEmpty = (message: string) => (v: string[]) => (v.length ? null : message);

/** Create (`/network/offers/new?partnerId=`) or edit (`/network/offers/:id/edit`) an offer. */
export function OfferFormPage() {
  const { id } = useParams();
  const existing = useOffer(id);
  if (id && !existing.data) return <LoadState error={existing.error} />;
  return <OfferForm key={id ?? 'new'} offer={existing.data} />;
}

function OfferForm({ offer }: { offer?: OfferDetail }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const districts = useRefOptions('districts', [offer?.districtCode]);
  const lifeAreas = useRefOptions('life-areas', offer?.lifeAreas ?? []);
  const languages = useLanguageOptions();
  const options = useNetworkOptions();
  const user = useUser();
  const partners = usePartnerList({ pageSize: 200 });
  const form = useForm<Values>({
    initialValues: initialValues(offer, params.get('partnerId')),
    validate: {
      title: required(t),
      partnerId: required(t),
      districtCode: required(t),
      lifeAreas: nonEmpty(t('validation.required')),
      targetGroups: nonEmpty(t('validation.required')),
      lastCheckedOn: requiredDate(t),
      openingHours: (v, values) =>
        !!v.trim() === values.appointmentOnly ? t('network.offers.hoursOrAppointment') : null,
    },
  });
  const scaffold = useFormMutation({
    form,
    mutationFn: (v: Values) => {
      const body = {
        ...v,
        description: textOrNull(v.description),
        address: textOrNull(v.address),
        openingHours: v.appointmentOnly ? null : textOrNull(v.openingHours),
        lastCheckedOn: parseDateInput(v.lastCheckedOn),
      };
      return offer
        ? api.patch<OfferDetail>(`/api/offers/${offer.id}`, body)
        : api.post<OfferDetail>('/api/offers', body);
    },
    invalidate: [networkKeys.all],
    notify: (o) => t('network.offers.saved', { title: o.title }),
    onSaved: (o) => navigate(`/network/offers/${o.id}`),
    messages: { lastCheckedOn: t('validation.date') },
  });
  // only partners one may write offers for; the offer's own partner stays choosable even when it is not on the first page of partners
  const partnerOptions = (partners.data?.items ?? [])
    .filter((p) => cityWideRoles.includes(user.role) || user.siteIds.includes(p.siteId))
    .map((p) => ({ value: p.id, label: p.name }));
  if (offer && !partnerOptions.some((p) => p.value === offer.partnerId))
    partnerOptions.unshift({ value: offer.partnerId, label: offer.partnerName });

  return (
    <Page title={offer ? t('network.offers.editTitle') : t('network.offers.createTitle')}>
      <form ref={scaffold.formRef} noValidate onSubmit={scaffold.onSubmit}>
        <Stack maw={880}>
          <ErrorAlert error={scaffold.mutation.error} />
          <TextInput label={t('network.offers.titleField')} required {...form.getInputProps('title')} />
          <QuickSelect
            label={t('network.offers.partner')}
            required
            data={partnerOptions}
            {...form.getInputProps('partnerId')}
          />
          <QuickMultiSelect
            label={t('network.offers.lifeAreas')}
            required
            data={lifeAreas.options}
            {...form.getInputProps('lifeAreas')}
          />
          <QuickMultiSelect
            label={t('network.offers.targetGroups')}
            required
            data={options.targetGroups}
            {...form.getInputProps('targetGroups')}
          />
          <QuickMultiSelect
            label={t('network.offers.languages')}
            data={languages}
            {...form.getInputProps('languages')}
          />
          <Group grow align="flex-start">
            <QuickSelect
              label={t('network.district')}
              required
              data={districts.options}
              {...form.getInputProps('districtCode')}
            />
            <TextInput label={t('network.offers.address')} {...form.getInputProps('address')} />
          </Group>
          <Checkbox
            label={t('network.offers.appointmentOnly')}
            {...form.getInputProps('appointmentOnly', { type: 'checkbox' })}
          />
          <TextInput
            label={t('network.offers.openingHours')}
            description={t('network.offers.openingHoursHint')}
            disabled={form.values.appointmentOnly}
            {...form.getInputProps('openingHours')}
          />
          <Group>
            <Checkbox
              label={t('network.offers.free')}
              {...form.getInputProps('free', { type: 'checkbox' })}
            />
            <Checkbox
              label={t('network.offers.accessible')}
              {...form.getInputProps('accessible', { type: 'checkbox' })}
            />
          </Group>
          <Group grow align="flex-start">
            <Select
              label={t('network.offers.status')}
              data={options.statuses}
              allowDeselect={false}
              {...form.getInputProps('status')}
            />
            <DateField
              label={t('network.offers.lastCheckedOn')}
              required
              {...form.getInputProps('lastCheckedOn')}
            />
          </Group>
          <Textarea
            label={t('network.offers.description')}
            autosize
            minRows={3}
            {...form.getInputProps('description')}
          />
          <FormActions
            cancelTo={offer ? `/network/offers/${offer.id}` : '/network/offers'}
            loading={scaffold.mutation.isPending}
          />
        </Stack>
      </form>
    </Page>
  );
}
