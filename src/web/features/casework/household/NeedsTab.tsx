import { Group, Radio, Stack, Table, Textarea, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../app/api';
import { useCan } from '../../../app/session';
import { DateField } from '../../../ui/DateField';
import { formatDate, parseDateInput } from '../../../ui/format';
import { ModalForm } from '../../../ui/forms/ModalForm';
import { useFormMutation } from '../../../ui/forms/useFormMutation';
import { QuickMultiSelect } from '../../../ui/select/QuickMultiSelect';
import { QuickSelect } from '../../../ui/select/QuickSelect';
import { recordUrl } from '../../corrections/api';
import { changedOnly } from '../../corrections/changes';
import { RecordActions } from '../../corrections/RecordActions';
import { caseworkKeys, type Household, type Need, useHouseholdPart } from '../api';
import { CaseTable } from '../components/CaseTable';
import { TabSection } from '../components/TabSection';
import { requiredDate, textOrNull, todayInput } from '../forms';
import { memberName, memberOptions } from '../members';
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

function needValues(need: Need | undefined): Values {
  if (!need)
    return { assessedOn: todayInput(), lifeArea: null, personId: null, level: '2', obstacles: [], goals: '' };
  return {
    assessedOn: formatDate(need.assessedOn),
    lifeArea: need.lifeArea,
    personId: need.personId,
    level: String(need.level),
    obstacles: need.obstacles,
    goals: need.goals ?? '',
  };
}

function needBody(v: Values) {
  return {
    ...v,
    assessedOn: parseDateInput(v.assessedOn),
    level: Number(v.level),
    goals: textOrNull(v.goals),
  };
}

/** A new assessment, or with `need` the correction of a wrongly recorded one (only the changed fields). */
function NeedModal({ household, need, onClose }: { household: Household; need?: Need; onClose(): void }) {
  const { t } = useTranslation();
  const lifeAreas = useRefOptions('life-areas');
  const obstacles = useRefOptions('obstacles');
  const form = useForm<Values>({
    initialValues: needValues(need),
    validate: {
      assessedOn: requiredDate(t),
      lifeArea: (v) => (v ? null : t('validation.required')),
    },
  });
  const scaffold = useFormMutation({
    form,
    mutationFn: (v: Values) => {
      if (!need) return api.post<Need>(`/api/households/${household.id}/needs`, needBody(v));
      const changes = changedOnly(needBody(needValues(need)), needBody(v));
      return changes
        ? api.patch<Need>(recordUrl(household.id, 'need', need.id), changes)
        : Promise.resolve(null);
    },
    invalidate: [caseworkKeys.householdPart(household.id, 'needs')],
    notify: need ? t('corrections.corrected') : t('casework.needs.saved'),
    close: onClose,
    messages: { assessedOn: t('validation.date') },
  });
  return (
    <ModalForm
      title={
        need
          ? t('corrections.editLabel', { record: t('corrections.records.need') })
          : t('casework.needs.create')
      }
      onClose={onClose}
      scaffold={scaffold}
    >
      <Group grow align="flex-start">
        <DateField label={t('casework.needs.assessedOn')} required {...form.getInputProps('assessedOn')} />
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
      <QuickMultiSelect
        label={t('casework.needs.obstacles')}
        data={obstacles.options}
        {...form.getInputProps('obstacles')}
      />
      <Textarea
        label={t('casework.needs.goals')}
        autosize
        minRows={2}
        maxLength={2000}
        {...form.getInputProps('goals')}
      />
    </ModalForm>
  );
}

function NeedTable({ caption, needs, household }: { caption: string; needs: Need[]; household: Household }) {
  const { t } = useTranslation();
  const can = useCan();
  const lifeAreas = useRefOptions('life-areas');
  const obstacles = useRefOptions('obstacles');
  const [editing, setEditing] = useState<Need | null>(null);
  return (
    <>
      <CaseTable
        caption={caption}
        minWidth={720}
        actions
        headers={[
          t('casework.needs.assessedOn'),
          t('casework.contact.lifeArea'),
          t('casework.needs.person'),
          t('casework.needs.level'),
          t('casework.needs.obstacles'),
          t('casework.needs.goals'),
        ]}
      >
        {needs.map((n) => (
          <Table.Tr key={n.id}>
            <Table.Td>{formatDate(n.assessedOn)}</Table.Td>
            <Table.Td>{lifeAreas.label(n.lifeArea)}</Table.Td>
            <Table.Td>{memberName(household, n.personId) || t('casework.needs.wholeHousehold')}</Table.Td>
            <Table.Td>{t(`casework.needs.levels.${n.level}`)}</Table.Td>
            <Table.Td>{n.obstacles.map(obstacles.label).join(', ')}</Table.Td>
            <Table.Td style={{ whiteSpace: 'pre-line' }}>{n.goals}</Table.Td>
            {can('household.write') ? (
              <Table.Td>
                <RecordActions
                  household={household}
                  kind="need"
                  recordId={n.id}
                  label={t('corrections.recordOn', {
                    record: `${t('corrections.records.need')} ${lifeAreas.label(n.lifeArea)}`,
                    date: formatDate(n.assessedOn),
                  })}
                  authorId={n.createdBy}
                  createdAt={n.createdAt}
                  onEdit={() => setEditing(n)}
                />
              </Table.Td>
            ) : null}
          </Table.Tr>
        ))}
      </CaseTable>
      {editing ? <NeedModal household={household} need={editing} onClose={() => setEditing(null)} /> : null}
    </>
  );
}

function NeedSection({ title, needs, household }: { title: string; needs: Need[]; household: Household }) {
  return (
    <Stack gap="xs">
      <Title order={3} size="h4">
        {title}
      </Title>
      <NeedTable caption={title} needs={needs} household={household} />
    </Stack>
  );
}

/** Dated needs assessments per life area: the current state of each, and the history. */
export function NeedsTab({ household }: { household: Household }) {
  const { t } = useTranslation();
  const needs = useHouseholdPart<Need[]>(household.id, 'needs');
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
      createLabel={t('casework.needs.create')}
      createDialog={(close) => <NeedModal household={household} onClose={close} />}
      records={needs}
      emptyText={t('casework.needs.none')}
    >
      {current.length > 0 ? (
        <NeedSection title={t('casework.needs.current')} needs={current} household={household} />
      ) : null}
      {all.length > current.length ? (
        <NeedSection title={t('casework.needs.history')} needs={all} household={household} />
      ) : null}
    </TabSection>
  );
}
