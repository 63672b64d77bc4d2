import { Button, Group, NumberInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BookingStatus } from '../../../shared/schemas/mediators';
import { currentLanguage } from '../../i18n';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { formatDate } from '../../ui/format';
import { ModalForm } from '../../ui/forms/ModalForm';
import { useFormMutation } from '../../ui/forms/useFormMutation';
import { notifySuccess } from '../../ui/notify';
import { type Booking, mediatorKeys, updateBooking } from './api';

/** The status changes offered from each status (the server refuses any other). */
const next: Record<BookingStatus, BookingStatus[]> = {
  requested: ['confirmed', 'done', 'cancelled', 'noShow'],
  confirmed: ['done', 'cancelled', 'noShow'],
  done: [],
  cancelled: [],
  noShow: [],
};

function DoneModal({ booking, onClose }: { booking: Booking; onClose(): void }) {
  const { t } = useTranslation();
  const form = useForm<{ hours: number | string }>({
    initialValues: { hours: '' },
    validate: { hours: (v) => (v === '' || Number(v) <= 0 ? t('mediators.bookings.hoursRequired') : null) },
  });
  const scaffold = useFormMutation({
    form,
    mutationFn: (v: { hours: number | string }) =>
      updateBooking(booking.id, { status: 'done', hours: Number(v.hours) }),
    invalidate: [mediatorKeys.bookings],
    notify: t('mediators.bookings.updated', { status: t('mediators.status.done') }),
    close: onClose,
  });
  return (
    <ModalForm title={t('mediators.bookings.doneTitle')} onClose={onClose} scaffold={scaffold}>
      <NumberInput
        label={t('mediators.field.hours')}
        required
        min={0.25}
        max={24}
        step={0.25}
        decimalScale={2}
        decimalSeparator={currentLanguage() === 'en' ? '.' : ','}
        data-autofocus
        {...form.getInputProps('hours')}
      />
    </ModalForm>
  );
}

/** Bestätigen, erledigt (with hours), absagen, nicht erschienen — as the booking's status allows. */
export function BookingStatusActions({ booking }: { booking: Booking }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [doneOpen, setDoneOpen] = useState(false);
  const change = useMutation({
    mutationFn: (status: BookingStatus) => updateBooking(booking.id, { status }),
    onSuccess: async (saved) => {
      await queryClient.invalidateQueries({ queryKey: mediatorKeys.bookings });
      notifySuccess(t('mediators.bookings.updated', { status: t(`mediators.status.${saved.status}`) }));
    },
  });
  const actions = next[booking.status];
  if (actions.length === 0) return null;
  const label = (status: BookingStatus) =>
    t('mediators.bookings.actionLabel', {
      action: t(`mediators.bookings.actions.${status}`),
      name: booking.mediatorName,
      date: formatDate(booking.date),
    });
  return (
    <>
      <Group gap={4} wrap="nowrap">
        {actions.map((status) => (
          <Button
            key={status}
            size="compact-xs"
            variant={status === 'confirmed' || status === 'done' ? 'light' : 'default'}
            aria-label={label(status)}
            loading={change.isPending && change.variables === status}
            onClick={() => (status === 'done' ? setDoneOpen(true) : change.mutate(status))}
          >
            {t(`mediators.bookings.actions.${status}`)}
          </Button>
        ))}
      </Group>
      <ErrorAlert error={change.error} />
      {doneOpen ? <DoneModal booking={booking} onClose={() => setDoneOpen(false)} /> : null}
    </>
  );
}
