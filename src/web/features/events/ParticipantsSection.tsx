import { Button, Group, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { participantGroups } from '../../../shared/schemas/events';
import { api, request } from '../../app/api';
import { useCan } from '../../app/session';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { DateField } from '../../ui/DateField';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { formatDate, parseDateInput } from '../../ui/format';
import { ModalForm } from '../../ui/forms/ModalForm';
import { useFormMutation } from '../../ui/forms/useFormMutation';
import { required, requiredDate, todayInput } from '../casework/forms';
import { type EventDetail, type EventParticipant, eventKeys, useParticipants } from './api';

interface Values {
  name: string;
  group: string | null;
  consentedOn: string;
}

function ParticipantModal({ event, onClose }: { event: EventDetail; onClose(): void }) {
  const { t } = useTranslation();
  const form = useForm<Values>({
    initialValues: { name: '', group: null, consentedOn: todayInput() },
    validate: { name: required(t), group: required(t), consentedOn: requiredDate(t) },
  });
  const scaffold = useFormMutation({
    form,
    mutationFn: (v: Values) =>
      api.post<EventParticipant>(`/api/events/${event.id}/participants`, {
        name: v.name.trim(),
        group: v.group,
        consentedOn: parseDateInput(v.consentedOn),
      }),
    invalidate: [eventKeys.part(event.id, 'participants')],
    notify: t('events.participants.saved'),
    close: onClose,
  });
  return (
    <ModalForm title={t('events.participants.create')} onClose={onClose} scaffold={scaffold}>
      <Text size="sm">{t('events.participants.consentHint')}</Text>
      <TextInput
        label={t('events.participants.name')}
        required
        maxLength={200}
        data-autofocus
        {...form.getInputProps('name')}
      />
      <Group grow align="flex-start">
        <Select
          label={t('events.participants.group')}
          required
          data={participantGroups.map((g) => ({ value: g, label: t(`events.groups.${g}`) }))}
          {...form.getInputProps('group')}
        />
        <DateField
          label={t('events.participants.consentedOn')}
          required
          {...form.getInputProps('consentedOn')}
        />
      </Group>
    </ModalForm>
  );
}

/** Named participants, only those who agreed to be named. */
export function ParticipantsSection({ event }: { event: EventDetail }) {
  const { t } = useTranslation();
  const can = useCan();
  const queryClient = useQueryClient();
  const list = useParticipants(event.id);
  const [open, setOpen] = useState(false);
  const [removing, setRemoving] = useState<EventParticipant | null>(null);
  const remove = useMutation({
    mutationFn: (p: EventParticipant) => request('DELETE', `/api/events/${event.id}/participants/${p.id}`),
    onSuccess: async () => {
      setRemoving(null);
      await queryClient.invalidateQueries({ queryKey: eventKeys.part(event.id, 'participants') });
    },
  });
  return (
    <Stack gap="xs">
      <Group justify="space-between">
        <Title order={2} size="h3">
          {t('events.participants.title')}
        </Title>
        {can('network.write') ? (
          <Button variant="light" onClick={() => setOpen(true)}>
            {t('events.participants.create')}
          </Button>
        ) : null}
      </Group>
      <ErrorAlert error={list.error ?? remove.error} />
      <Table striped aria-label={t('events.participants.title')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('events.participants.name')}</Table.Th>
            <Table.Th>{t('events.participants.group')}</Table.Th>
            <Table.Th>{t('events.participants.consentedOn')}</Table.Th>
            {can('network.write') ? <Table.Th>{t('common.actions')}</Table.Th> : null}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {(list.data ?? []).map((p) => (
            <Table.Tr key={p.id}>
              <Table.Td>{p.name}</Table.Td>
              <Table.Td>{t(`events.groups.${p.group}`)}</Table.Td>
              <Table.Td>{formatDate(p.consentedOn)}</Table.Td>
              {can('network.write') ? (
                <Table.Td>
                  <Button
                    size="xs"
                    variant="subtle"
                    color="red"
                    onClick={() => setRemoving(p)}
                    aria-label={t('events.participants.removeAria', { name: p.name })}
                  >
                    {t('events.participants.remove')}
                  </Button>
                </Table.Td>
              ) : null}
            </Table.Tr>
          ))}
          {list.data?.length === 0 ? (
            <Table.Tr>
              <Table.Td colSpan={4}>{t('events.participants.none')}</Table.Td>
            </Table.Tr>
          ) : null}
        </Table.Tbody>
      </Table>
      {open ? <ParticipantModal event={event} onClose={() => setOpen(false)} /> : null}
      {removing ? (
        <ConfirmDialog
          opened
          title={t('events.participants.removeTitle')}
          message={t('events.participants.removeText', { name: removing.name })}
          confirmLabel={t('events.participants.remove')}
          onConfirm={() => remove.mutate(removing)}
          onCancel={() => setRemoving(null)}
          loading={remove.isPending}
        />
      ) : null}
    </Stack>
  );
}
