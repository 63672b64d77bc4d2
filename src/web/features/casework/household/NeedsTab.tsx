import { Button, Group, MultiSelect, Radio, Stack, Table, Text, Textarea, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../app/api';
import { useCan } from '../../../app/session';
import { DateField } from '../../../ui/DateField';
import { ErrorAlert } from '../../../ui/ErrorAlert';
import { formatDate, parseDateInput } from '../../../ui/format';
import { notifySuccess } from '../../../ui/notify';
import { caseworkKeys, type Household, type Need, useHouseholdPart } from '../api';
import { CaseModal } from '../components/CaseModal';
import { HiddenCaption } from '../components/HiddenCaption';
import { QuickSelect } from '../components/QuickSelect';
import { TabSection } from '../components/TabSection';
import { applyIssues, focusFirstError, requiredDate, textOrNull, todayInput } from '../forms';
import { sortMembers } from '../members';
import { useRefOptions } from '../options';

const levels = ['0', '1', '2', '3'] as const;

interface Values {
  assessedOn: string;
  lifeArea: string | null;
  personId: string | null;
  level: string;
  obstacles: string[];
  goals: string;
}

export function memberOptions(household: Household) {
  return sortMembers(household.members).map((m) => ({ value: m.id, label: `${m.firstName} ${m.lastName}` }));
}

export function memberName(household: Household, id: string | null): string {
  const m = id ? household.members.find((x) => x.id === id) : undefined;
  return m ? `${m.firstName} ${m.lastName}` : '';
}

function NeedModal({ household, onClose }: { household: Household; onClose(): void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const formRef = useRef<HTMLFormElement>(null);
  const lifeAreas = useRefOptions('life-areas');
  const obstacles = useRefOptions('obstacles');
  const form = useForm<Values>({
    initialValues: {
      assessedOn: todayInput(),
      lifeArea: null,
      personId: null,
      level: '2',
      obstacles: [],
      goals: '',
    },
    validate: {
      assessedOn: requiredDate(t),
      lifeArea: (v) => (v ? null : t('validation.required')),
    },
  });
  const save = useMutation({
    mutationFn: (v: Values) =>
      api.post<Need>(`/api/households/${household.id}/needs`, {
        assessedOn: parseDateInput(v.assessedOn),
        lifeArea: v.lifeArea,
        personId: v.personId,
        level: Number(v.level),
        obstacles: v.obstacles,
        goals: textOrNull(v.goals),
      }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: caseworkKeys.householdPart(household.id, 'needs') });
      notifySuccess(t('casework.needs.saved'));
      onClose();
    },
    onError: (error) => {
      applyIssues(form, error, t('validation.invalid'), { assessedOn: t('validation.date') });
      focusFirstError(formRef.current);
    },
  });
  return (
    <CaseModal opened onClose={onClose} title={t('casework.needs.create')}>
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
          <Group grow align="flex-start">
            <DateField
              label={t('casework.needs.assessedOn')}
              required
              {...form.getInputProps('assessedOn')}
            />
            <QuickSelect
              label={t('casework.needs.person')}
              description={t('casework.needs.personHint')}
              clearable
              data={memberOptions(household)}
              {...form.getInputProps('personId')}
            />
          </Group>
          <QuickSelect
            label={t('casework.contact.lifeArea')}
            required
            data={lifeAreas.options}
            {...form.getInputProps('lifeArea')}
          />
          <Radio.Group label={t('casework.needs.level')} required {...form.getInputProps('level')}>
            <Group gap="md" mt={4}>
              {levels.map((l) => (
                <Radio key={l} value={l} label={t(`casework.needs.levels.${l}`)} />
              ))}
            </Group>
          </Radio.Group>
          <MultiSelect
            label={t('casework.needs.obstacles')}
            data={obstacles.options}
            searchable
            hidePickedOptions
            nothingFoundMessage={t('casework.common.nothingFound')}
            {...form.getInputProps('obstacles')}
          />
          <Textarea
            label={t('casework.needs.goals')}
            autosize
            minRows={2}
            maxLength={2000}
            {...form.getInputProps('goals')}
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

function NeedRows({ needs, household }: { needs: Need[]; household: Household }) {
  const { t } = useTranslation();
  const lifeAreas = useRefOptions('life-areas');
  const obstacles = useRefOptions('obstacles');
  return (
    <Table.Tbody>
      {needs.map((n) => (
        <Table.Tr key={n.id}>
          <Table.Td>{formatDate(n.assessedOn)}</Table.Td>
          <Table.Td>{lifeAreas.label(n.lifeArea)}</Table.Td>
          <Table.Td>{memberName(household, n.personId) || t('casework.needs.wholeHousehold')}</Table.Td>
          <Table.Td>{t(`casework.needs.levels.${n.level}`)}</Table.Td>
          <Table.Td>{n.obstacles.map(obstacles.label).join(', ')}</Table.Td>
          <Table.Td style={{ whiteSpace: 'pre-line' }}>{n.goals}</Table.Td>
        </Table.Tr>
      ))}
    </Table.Tbody>
  );
}

function NeedTable({ caption, needs, household }: { caption: string; needs: Need[]; household: Household }) {
  const { t } = useTranslation();
  return (
    <Table.ScrollContainer minWidth={720}>
      <Table fz="sm" striped>
        <HiddenCaption>{caption}</HiddenCaption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('casework.needs.assessedOn')}</Table.Th>
            <Table.Th>{t('casework.contact.lifeArea')}</Table.Th>
            <Table.Th>{t('casework.needs.person')}</Table.Th>
            <Table.Th>{t('casework.needs.level')}</Table.Th>
            <Table.Th>{t('casework.needs.obstacles')}</Table.Th>
            <Table.Th>{t('casework.needs.goals')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <NeedRows needs={needs} household={household} />
      </Table>
    </Table.ScrollContainer>
  );
}

/** Dated needs assessments per life area: the current state of each, and the history. */
export function NeedsTab({ household }: { household: Household }) {
  const { t } = useTranslation();
  const can = useCan();
  const needs = useHouseholdPart<Need[]>(household.id, 'needs');
  const [open, setOpen] = useState(false);
  const all = [...(needs.data ?? [])].sort(
    (a, b) => b.assessedOn.localeCompare(a.assessedOn) || b.createdAt.localeCompare(a.createdAt),
  );
  // the latest assessment per life area and person
  const seen = new Set<string>();
  const current = all.filter((n) => {
    const key = `${n.lifeArea}|${n.personId ?? ''}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });

  return (
    <TabSection
      title={t('casework.tabs.needs')}
      action={
        can('household.write') ? (
          <Button variant="default" onClick={() => setOpen(true)}>
            {t('casework.needs.create')}
          </Button>
        ) : null
      }
    >
      <ErrorAlert error={needs.error} />
      {needs.isSuccess && all.length === 0 ? <Text>{t('casework.needs.none')}</Text> : null}
      {current.length > 0 ? (
        <Stack gap="xs">
          <Title order={3} size="h4">
            {t('casework.needs.current')}
          </Title>
          <NeedTable caption={t('casework.needs.current')} needs={current} household={household} />
        </Stack>
      ) : null}
      {all.length > current.length ? (
        <Stack gap="xs">
          <Title order={3} size="h4">
            {t('casework.needs.history')}
          </Title>
          <NeedTable caption={t('casework.needs.history')} needs={all} household={household} />
        </Stack>
      ) : null}
      {open ? <NeedModal household={household} onClose={() => setOpen(false)} /> : null}
    </TabSection>
  );
}
