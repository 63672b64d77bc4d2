import { Badge, Button, Group, Stack, Table } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { todayBerlin } from '../../../shared/dates';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { formatDate } from '../../ui/format';
import { notifySuccess } from '../../ui/notify';
import { AssignmentFormModal, ReleasedCard } from './AssignmentFormModal';
import { type Assignment, updateAssignment, type Volunteer, volunteerKeys } from './api';

/** Confirm a proposal, or end an assignment (today). */
export function useAssignmentStatus() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ a, status }: { a: Assignment; status: 'active' | 'ended' }) =>
      updateAssignment(
        a.volunteerId,
        a.id,
        status === 'ended' ? { status, endsOn: todayBerlin() } : { status },
      ),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: volunteerKeys.all });
      notifySuccess(t('volunteers.assignments.statusSaved'));
    },
  });
}

export function AssignmentActions({ a }: { a: Assignment }) {
  const { t } = useTranslation();
  const status = useAssignmentStatus();
  return (
    <Stack gap={4}>
      <ErrorAlert error={status.error} />
      <Group gap="xs">
        {a.status === 'proposed' ? (
          <Button size="xs" onClick={() => status.mutate({ a, status: 'active' })} loading={status.isPending}>
            {t('volunteers.assignments.confirm')}
          </Button>
        ) : null}
        {a.status !== 'ended' ? (
          <Button
            size="xs"
            variant="default"
            onClick={() => status.mutate({ a, status: 'ended' })}
            loading={status.isPending}
          >
            {t('volunteers.assignments.end')}
          </Button>
        ) : null}
      </Group>
    </Stack>
  );
}

export function AssignmentTarget({ a }: { a: Assignment }) {
  const { t } = useTranslation();
  if (a.household) return <ReleasedCard household={a.household} />;
  return (
    <>
      {t(`volunteers.assignmentKind.${a.kind}`)}: {a.targetTitle ?? '–'}
    </>
  );
}

/** The volunteer's assignments; a household shows only what it released. */
export function AssignmentsSection({ volunteer, writable }: { volunteer: Volunteer; writable: boolean }) {
  const { t } = useTranslation();
  const [adding, setAdding] = useState(false);
  return (
    <Stack>
      <Table fz="sm" aria-label={t('volunteers.assignments.table')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('volunteers.assignments.target')}</Table.Th>
            <Table.Th>{t('volunteers.assignments.period')}</Table.Th>
            <Table.Th>{t('volunteers.field.status')}</Table.Th>
            {writable ? <Table.Th>{t('volunteers.assignments.actions')}</Table.Th> : null}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {volunteer.assignments.map((a) => (
            <Table.Tr key={a.id}>
              <Table.Td>
                <AssignmentTarget a={a} />
              </Table.Td>
              <Table.Td>
                {formatDate(a.startsOn)} – {formatDate(a.endsOn)}
              </Table.Td>
              <Table.Td>
                <Badge variant="outline" color="dark">
                  {t(`volunteers.assignmentStatus.${a.status}`)}
                </Badge>
              </Table.Td>
              {writable ? (
                <Table.Td>
                  <AssignmentActions a={a} />
                </Table.Td>
              ) : null}
            </Table.Tr>
          ))}
          {volunteer.assignments.length === 0 ? (
            <Table.Tr>
              <Table.Td colSpan={writable ? 4 : 3}>{t('volunteers.assignments.none')}</Table.Td>
            </Table.Tr>
          ) : null}
        </Table.Tbody>
      </Table>
      {writable ? (
        <Group>
          <Button variant="default" onClick={() => setAdding(true)}>
            {t('volunteers.assignments.add')}
          </Button>
        </Group>
      ) : null}
      {adding ? <AssignmentFormModal volunteerId={volunteer.id} onClose={() => setAdding(false)} /> : null}
    </Stack>
  );
}
