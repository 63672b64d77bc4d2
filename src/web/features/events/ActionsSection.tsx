import { Badge, Button, Group, Stack, Table, Text, Textarea, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api';
import { useCan } from '../../app/session';
import { DateField } from '../../ui/DateField';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { formatDate, parseDateInput } from '../../ui/format';
import { ModalForm } from '../../ui/forms/ModalForm';
import { useFormMutation } from '../../ui/forms/useFormMutation';
import { QuickSelect } from '../../ui/select/QuickSelect';
import { required, requiredDate } from '../casework/forms';
import { type EventAction, type EventDetail, eventKeys, useActions, useSiteStaff } from './api';

interface Values {
  text: string;
  ownerUserId: string | null;
  dueOn: string;
}

function ActionModal({ event, onClose }: { event: EventDetail; onClose(): void }) {
  const { t } = useTranslation();
  const staff = useSiteStaff(event.siteId);
  const form = useForm<Values>({
    initialValues: { text: '', ownerUserId: null, dueOn: '' },
    validate: { text: required(t), ownerUserId: required(t), dueOn: requiredDate(t) },
  });
  const scaffold = useFormMutation({
    form,
    mutationFn: (v: Values) =>
      api.post<EventAction>(`/api/events/${event.id}/actions`, {
        text: v.text.trim(),
        ownerUserId: v.ownerUserId,
        dueOn: parseDateInput(v.dueOn),
      }),
    invalidate: [eventKeys.part(event.id, 'actions'), eventKeys.start],
    notify: t('events.actions.saved'),
    close: onClose,
    messages: { dueOn: t('validation.date') },
  });
  return (
    <ModalForm title={t('events.actions.create')} onClose={onClose} scaffold={scaffold}>
      <Textarea
        label={t('events.actions.text')}
        required
        autosize
        minRows={2}
        maxLength={1000}
        data-autofocus
        {...form.getInputProps('text')}
      />
      <Group grow align="flex-start">
        <QuickSelect
          label={t('events.actions.owner')}
          description={t('events.actions.ownerHint')}
          required
          data={(staff.data ?? []).map((s) => ({ value: s.id, label: s.displayName }))}
          {...form.getInputProps('ownerUserId')}
        />
        <DateField label={t('events.actions.dueOn')} required {...form.getInputProps('dueOn')} />
      </Group>
    </ModalForm>
  );
}

/** Agreed actions: each is a follow-up on its owner's "Mein Tag", closed there. */
export function ActionsSection({ event }: { event: EventDetail }) {
  const { t } = useTranslation();
  const can = useCan();
  const actions = useActions(event.id);
  const [open, setOpen] = useState(false);
  return (
    <Stack gap="xs">
      <Group justify="space-between">
        <Title order={2} size="h3">
          {t('events.actions.title')}
        </Title>
        {can('network.write') ? (
          <Button onClick={() => setOpen(true)}>{t('events.actions.create')}</Button>
        ) : null}
      </Group>
      <Text size="sm" c="dimmed">
        {t('events.actions.hint')}
      </Text>
      <ErrorAlert error={actions.error} />
      <Table.ScrollContainer minWidth={560}>
        <Table striped aria-label={t('events.actions.title')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('events.actions.text')}</Table.Th>
              <Table.Th>{t('events.actions.owner')}</Table.Th>
              <Table.Th>{t('events.actions.dueOn')}</Table.Th>
              <Table.Th>{t('events.actions.state')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {(actions.data ?? []).map((a) => (
              <Table.Tr key={a.id}>
                <Table.Td style={{ whiteSpace: 'pre-line' }}>{a.text}</Table.Td>
                <Table.Td>{a.ownerName}</Table.Td>
                <Table.Td>{formatDate(a.dueOn)}</Table.Td>
                <Table.Td>
                  <Badge color={a.done ? 'green' : 'blue'} variant="light">
                    {a.done ? t('events.actions.done') : t('events.actions.open')}
                  </Badge>
                </Table.Td>
              </Table.Tr>
            ))}
            {actions.data?.length === 0 ? (
              <Table.Tr>
                <Table.Td colSpan={4}>{t('events.actions.none')}</Table.Td>
              </Table.Tr>
            ) : null}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {open ? <ActionModal event={event} onClose={() => setOpen(false)} /> : null}
    </Stack>
  );
}
