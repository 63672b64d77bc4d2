import { Button, Card, Group, Stack, Text, Textarea, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api';
import { useCan } from '../../app/session';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { FormActions } from '../../ui/forms/FormActions';
import { useFormMutation } from '../../ui/forms/useFormMutation';
import { type EventDetail, eventKeys } from './api';

/** The minutes (Protokoll) of an event: shown as text, edited in place. */
export function MinutesCard({ event }: { event: EventDetail }) {
  const { t } = useTranslation();
  const can = useCan();
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState(false);
  const form = useForm({ initialValues: { minutes: event.minutes ?? '' } });
  const scaffold = useFormMutation({
    form,
    mutationFn: (v: { minutes: string }) =>
      api.patch<EventDetail>(`/api/events/${event.id}`, { minutes: v.minutes.trim() || null }),
    onSaved: (saved) => {
      queryClient.setQueryData(eventKeys.event(saved.id), saved);
      form.setValues({ minutes: saved.minutes ?? '' });
    },
    notify: t('events.minutes.saved'),
    close: () => setEditing(false),
  });
  return (
    <Card withBorder>
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={2} size="h3">
            {t('events.minutes.title')}
          </Title>
          {can('network.write') && !editing ? (
            <Button variant="light" onClick={() => setEditing(true)}>
              {event.minutes ? t('events.minutes.edit') : t('events.minutes.add')}
            </Button>
          ) : null}
        </Group>
        {editing ? (
          <form ref={scaffold.formRef} noValidate onSubmit={scaffold.onSubmit}>
            <Stack>
              <ErrorAlert error={scaffold.mutation.error} />
              <Textarea
                label={t('events.minutes.title')}
                description={t('events.minutes.hint')}
                autosize
                minRows={8}
                maxLength={50000}
                data-autofocus
                {...form.getInputProps('minutes')}
              />
              <FormActions
                onCancel={() => {
                  form.setValues({ minutes: event.minutes ?? '' });
                  setEditing(false);
                }}
                loading={scaffold.mutation.isPending}
              />
            </Stack>
          </form>
        ) : event.minutes ? (
          <Text style={{ whiteSpace: 'pre-wrap' }}>{event.minutes}</Text>
        ) : (
          <Text c="dimmed">{t('events.minutes.none')}</Text>
        )}
      </Stack>
    </Card>
  );
}
