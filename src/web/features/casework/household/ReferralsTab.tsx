import { Alert, Badge, Button, Checkbox, Group, Select, Stack, Table, Text, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { referralStatuses } from '../../../../shared/schemas/casework';
import { ApiError, api } from '../../../app/api';
import { useCan } from '../../../app/session';
import { DateField } from '../../../ui/DateField';
import { ErrorAlert } from '../../../ui/ErrorAlert';
import { formatDate, parseDateInput } from '../../../ui/format';
import { notifySuccess } from '../../../ui/notify';
import { type Consent, caseworkKeys, type Household, type Referral, useHouseholdPart } from '../api';
import { CaseModal } from '../components/CaseModal';
import { CaseTable } from '../components/CaseTable';
import { QuickSelect } from '../components/QuickSelect';
import { TabSection } from '../components/TabSection';
import { applyIssues, focusFirstError, requiredDate, textOrNull, todayInput } from '../forms';
import { useRefOptions } from '../options';
import { memberName, memberOptions } from './NeedsTab';
import { useSwitchTab } from './useSwitchTab';

type Status = (typeof referralStatuses)[number];

function useStatusOptions() {
  const { t } = useTranslation();
  return referralStatuses.map((s) => ({ value: s, label: t(`casework.referrals.status.${s}`) }));
}

/** The consent in force that allows sharing with the organisation, if any. */
function sharingConsent(consents: Consent[] | undefined, organisation: string | null) {
  if (!organisation) return undefined;
  return consents?.find((c) => !c.withdrawnOn && c.sharingOrganisationCodes.includes(organisation));
}

/** The server refused to pass data on: no consent for this recipient. Says so, and where to fix it. */
function ConsentMissing({ organisation, onGoToConsents }: { organisation: string; onGoToConsents(): void }) {
  const { t } = useTranslation();
  return (
    <Alert
      color="red"
      variant="outline"
      title={t('casework.referrals.noConsentTitle')}
      classNames={{ title: 'q-alert-title' }}
      data-testid="consent-missing"
    >
      <Stack gap="xs">
        <Text size="sm">{t('casework.referrals.noConsentText', { organisation })}</Text>
        <Group>
          <Button size="xs" variant="default" onClick={onGoToConsents}>
            {t('casework.referrals.goToConsents')}
          </Button>
        </Group>
      </Stack>
    </Alert>
  );
}

interface CreateValues {
  date: string;
  organisation: string | null;
  lifeArea: string | null;
  personId: string | null;
  status: Status;
  sharesData: boolean;
  outcome: string;
}

function ReferralModal({ household, onClose }: { household: Household; onClose(): void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const switchTab = useSwitchTab();
  const formRef = useRef<HTMLFormElement>(null);
  const organisations = useRefOptions('organisations');
  const lifeAreas = useRefOptions('life-areas');
  const consents = useHouseholdPart<Consent[]>(household.id, 'consents');
  const statusOptions = useStatusOptions();
  const [refused, setRefused] = useState<string | null>(null);
  const form = useForm<CreateValues>({
    initialValues: {
      date: todayInput(),
      organisation: null,
      lifeArea: null,
      personId: null,
      status: 'proposed',
      sharesData: false,
      outcome: '',
    },
    validate: {
      date: requiredDate(t),
      organisation: (v) => (v ? null : t('validation.required')),
      lifeArea: (v) => (v ? null : t('validation.required')),
    },
  });
  const save = useMutation({
    mutationFn: (v: CreateValues) =>
      api.post<Referral>(`/api/households/${household.id}/referrals`, {
        date: parseDateInput(v.date),
        organisation: v.organisation,
        lifeArea: v.lifeArea,
        personId: v.personId,
        status: v.status,
        sharesData: v.sharesData,
        outcome: textOrNull(v.outcome),
      }),
    onMutate: () => setRefused(null),
    onSuccess: async (r) => {
      await queryClient.invalidateQueries({
        queryKey: caseworkKeys.householdPart(household.id, 'referrals'),
      });
      notifySuccess(t('casework.referrals.saved', { organisation: organisations.label(r.organisation) }));
      onClose();
    },
    onError: (error, v) => {
      if (error instanceof ApiError && error.status === 409) {
        setRefused(organisations.label(v.organisation));
        form.setFieldError('sharesData', t('casework.referrals.noConsentField'));
      } else {
        applyIssues(form, error, t('validation.invalid'), { date: t('validation.date') });
      }
      focusFirstError(formRef.current);
    },
  });
  const consent = sharingConsent(consents.data, form.values.organisation);
  const orgName = organisations.label(form.values.organisation);

  return (
    <CaseModal opened onClose={onClose} title={t('casework.referrals.create')}>
      <form
        ref={formRef}
        noValidate
        onSubmit={form.onSubmit(
          (v) => save.mutate(v),
          () => focusFirstError(formRef.current),
        )}
      >
        <Stack>
          {refused ? (
            <ConsentMissing
              organisation={refused}
              onGoToConsents={() => {
                onClose();
                switchTab('consents');
              }}
            />
          ) : (
            <ErrorAlert error={save.error} />
          )}
          <Group grow align="flex-start">
            <DateField label={t('casework.referrals.date')} required {...form.getInputProps('date')} />
            <Select
              label={t('casework.referrals.statusLabel')}
              data={statusOptions}
              allowDeselect={false}
              {...form.getInputProps('status')}
            />
          </Group>
          <QuickSelect
            label={t('casework.referrals.organisation')}
            required
            data={organisations.options}
            {...form.getInputProps('organisation')}
          />
          <Group grow align="flex-start">
            <QuickSelect
              label={t('casework.contact.lifeArea')}
              required
              data={lifeAreas.options}
              {...form.getInputProps('lifeArea')}
            />
            <QuickSelect
              label={t('casework.referrals.person')}
              description={t('casework.needs.personHint')}
              clearable
              data={memberOptions(household)}
              {...form.getInputProps('personId')}
            />
          </Group>
          <Checkbox
            label={t('casework.referrals.sharesData')}
            description={
              !form.values.organisation
                ? t('casework.referrals.sharesDataHint')
                : consent
                  ? t('casework.referrals.consentPresent', {
                      organisation: orgName,
                      date: formatDate(consent.givenOn),
                    })
                  : t('casework.referrals.consentAbsent', { organisation: orgName })
            }
            {...form.getInputProps('sharesData', { type: 'checkbox' })}
            // Mantine's Checkbox sets only data-error: tell assistive technology too
            aria-invalid={form.errors.sharesData ? true : undefined}
          />
          <Textarea
            label={t('casework.referrals.outcome')}
            autosize
            minRows={2}
            maxLength={2000}
            {...form.getInputProps('outcome')}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending}>
              {t('casework.referrals.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </CaseModal>
  );
}

function StatusModal({
  household,
  referral,
  onClose,
}: {
  household: Household;
  referral: Referral;
  onClose(): void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const switchTab = useSwitchTab();
  const organisations = useRefOptions('organisations');
  const statusOptions = useStatusOptions();
  const [refused, setRefused] = useState(false);
  const form = useForm({
    initialValues: { status: referral.status as Status, outcome: referral.outcome ?? '' },
  });
  const save = useMutation({
    mutationFn: (v: { status: Status; outcome: string }) => {
      const body: Record<string, unknown> = {};
      if (v.status !== referral.status) body.status = v.status;
      if ((textOrNull(v.outcome) ?? null) !== (referral.outcome ?? null))
        body.outcome = textOrNull(v.outcome);
      if (Object.keys(body).length === 0) return Promise.resolve(null);
      return api.patch<Referral>(`/api/households/${household.id}/referrals/${referral.id}`, body);
    },
    onMutate: () => setRefused(false),
    onSuccess: async (saved) => {
      if (saved) {
        await queryClient.invalidateQueries({
          queryKey: caseworkKeys.householdPart(household.id, 'referrals'),
        });
        notifySuccess(t('casework.referrals.updated'));
      }
      onClose();
    },
    onError: (error) => {
      if (error instanceof ApiError && error.status === 409) setRefused(true);
      else applyIssues(form, error, t('validation.invalid'));
    },
  });
  const organisation = organisations.label(referral.organisation);
  return (
    <CaseModal
      opened
      onClose={onClose}
      size="md"
      title={t('casework.referrals.updateTitle', { organisation })}
    >
      <form noValidate onSubmit={form.onSubmit((v) => save.mutate(v))}>
        <Stack>
          {refused ? (
            <ConsentMissing
              organisation={organisation}
              onGoToConsents={() => {
                onClose();
                switchTab('consents');
              }}
            />
          ) : (
            <ErrorAlert error={save.error} />
          )}
          <Select
            label={t('casework.referrals.statusLabel')}
            data={statusOptions}
            allowDeselect={false}
            data-autofocus
            {...form.getInputProps('status')}
          />
          <Textarea
            label={t('casework.referrals.outcome')}
            autosize
            minRows={2}
            maxLength={2000}
            {...form.getInputProps('outcome')}
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

/** Referrals to services, authorities and offers; passing data on needs the household's consent. */
export function ReferralsTab({ household }: { household: Household }) {
  const { t } = useTranslation();
  const can = useCan();
  const referrals = useHouseholdPart<Referral[]>(household.id, 'referrals');
  const organisations = useRefOptions('organisations');
  const lifeAreas = useRefOptions('life-areas');
  const [creating, setCreating] = useState(false);
  const [updating, setUpdating] = useState<Referral | null>(null);
  const list = referrals.data ?? [];

  return (
    <TabSection
      title={t('casework.tabs.referrals')}
      action={
        can('household.write') ? (
          <Button variant="default" onClick={() => setCreating(true)}>
            {t('casework.referrals.create')}
          </Button>
        ) : null
      }
    >
      <ErrorAlert error={referrals.error} />
      {referrals.isSuccess && list.length === 0 ? <Text>{t('casework.referrals.none')}</Text> : null}
      {list.length > 0 ? (
        <CaseTable
          caption={t('casework.tabs.referrals')}
          minWidth={820}
          headers={[
            t('casework.referrals.date'),
            t('casework.referrals.organisation'),
            t('casework.contact.lifeArea'),
            t('casework.referrals.person'),
            t('casework.referrals.statusLabel'),
            t('casework.referrals.sharesDataShort'),
            t('casework.referrals.outcome'),
            can('household.write') ? t('common.actions') : null,
          ]}
        >
          {list.map((r) => (
            <Table.Tr key={r.id}>
              <Table.Td>{formatDate(r.date)}</Table.Td>
              <Table.Td>{organisations.label(r.organisation)}</Table.Td>
              <Table.Td>{lifeAreas.label(r.lifeArea)}</Table.Td>
              <Table.Td>{memberName(household, r.personId) || t('casework.needs.wholeHousehold')}</Table.Td>
              <Table.Td>
                <Badge variant="outline" color="blue.9" style={{ minWidth: 'max-content' }}>
                  {t(`casework.referrals.status.${r.status}`)}
                </Badge>
              </Table.Td>
              <Table.Td>{r.sharesData ? t('casework.common.yes') : t('casework.common.no')}</Table.Td>
              <Table.Td style={{ whiteSpace: 'pre-line' }}>{r.outcome}</Table.Td>
              {can('household.write') ? (
                <Table.Td>
                  <Button
                    size="xs"
                    variant="default"
                    onClick={() => setUpdating(r)}
                    aria-label={t('casework.referrals.updateAria', {
                      organisation: organisations.label(r.organisation),
                    })}
                  >
                    {t('casework.referrals.update')}
                  </Button>
                </Table.Td>
              ) : null}
            </Table.Tr>
          ))}
        </CaseTable>
      ) : null}
      {creating ? <ReferralModal household={household} onClose={() => setCreating(false)} /> : null}
      {updating ? (
        <StatusModal household={household} referral={updating} onClose={() => setUpdating(null)} />
      ) : null}
    </TabSection>
  );
}
