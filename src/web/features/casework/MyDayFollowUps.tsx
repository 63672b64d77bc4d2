import { Anchor, Badge, Button, Collapse, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type RefObject, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../../app/api';
import { useCan } from '../../app/session';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { notifySuccess } from '../../ui/notify';
import { caseworkKeys, type FollowUp } from './api';
import { CaseTable } from './components/CaseTable';
import { DueDateCell } from './components/DueDateCell';

/** Everything that shows follow-ups (Mein Tag, start page widgets, event actions) reloads. */
function useRefreshWork() {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: caseworkKeys.all }),
      queryClient.invalidateQueries({ queryKey: ['events'] }),
      queryClient.invalidateQueries({ queryKey: ['volunteers'] }),
    ]);
}

const setDone = (f: FollowUp, done: boolean) => api.patch<FollowUp>(`/api/followups/${f.id}`, { done });

/**
 * "Erledigt" with an undo: the notice that it is done carries a "Rückgängig" button, which opens
 * the follow-up again. `onDone` gets the position of the one just closed (for the focus).
 */
function useDoneWithUndo(onDone: (f: FollowUp) => void) {
  const { t } = useTranslation();
  const refresh = useRefreshWork();
  const reopen = useMutation({
    mutationFn: (f: FollowUp) => setDone(f, false),
    onSuccess: async (f) => {
      notifications.hide(`done-${f.id}`);
      notifySuccess(t('myWork.reopened', { text: f.text }));
      await refresh();
    },
  });
  const done = useMutation({
    mutationFn: (f: FollowUp) => setDone(f, true),
    onSuccess: async (f) => {
      notifications.show({
        id: `done-${f.id}`,
        color: 'green',
        autoClose: 10_000,
        closeButtonProps: { 'aria-label': t('common.close') },
        message: (
          <Group gap="sm" justify="space-between" wrap="nowrap">
            <span>{t('casework.followUps.doneNotice', { text: f.text })}</span>
            <Button
              size="xs"
              variant="default"
              onClick={() => reopen.mutate(f)}
              aria-label={t('myWork.undoAria', { text: f.text })}
            >
              {t('myWork.undo')}
            </Button>
          </Group>
        ),
      });
      onDone(f);
      await refresh();
    },
  });
  return { done, reopen };
}

function FollowUpRows({
  items,
  today,
  onDone,
  busyId,
}: {
  items: FollowUp[];
  today: string;
  onDone?: (f: FollowUp) => void;
  busyId?: string;
}) {
  const { t } = useTranslation();
  return items.map((f) => {
    const overdue = f.dueOn < today;
    return (
      <Table.Tr
        key={f.id}
        data-overdue={overdue || undefined}
        style={overdue ? { background: 'var(--mantine-color-red-0)' } : undefined}
      >
        <DueDateCell dueOn={f.dueOn} overdue={overdue} />
        <Table.Td>
          {f.householdId ? (
            <Anchor
              component={Link}
              to={`/households/${f.householdId}?tab=followups`}
              className="q-case-number"
            >
              {f.caseNumber}
            </Anchor>
          ) : null}
          {f.eventId ? (
            <Anchor component={Link} to={`/events/${f.eventId}`}>
              {f.eventTitle ?? t('myWork.event')}
            </Anchor>
          ) : null}
        </Table.Td>
        <Table.Td>
          {f.kind !== 'general' ? (
            <Badge variant="outline" color="blue.9" mr={6}>
              {f.kind === 'welcomeVisit'
                ? t('casework.followUps.kind.welcomeVisit')
                : t(`myWork.kind.${f.kind}`)}
            </Badge>
          ) : null}
          {f.text}
        </Table.Td>
        {onDone ? (
          <Table.Td>
            <Button
              size="xs"
              variant="default"
              data-followup-done
              loading={busyId === f.id}
              onClick={() => onDone(f)}
              aria-label={t('casework.followUps.markDoneAria', { text: f.text })}
            >
              {t('casework.followUps.markDone')}
            </Button>
          </Table.Td>
        ) : null}
      </Table.Tr>
    );
  });
}

/** "Mein Tag": my follow-ups due today and overdue (with "Erledigt" and its undo), the next 7 days collapsed. */
export function MyDayFollowUps({
  followUps,
  upcoming,
  loaded,
  busy,
  today,
  headingRef,
}: {
  followUps: FollowUp[];
  upcoming: FollowUp[];
  loaded: boolean;
  busy: boolean;
  today: string;
  headingRef: RefObject<HTMLHeadingElement | null>;
}) {
  const { t } = useTranslation();
  const can = useCan();
  const [open, setOpen] = useState(false);
  const upcomingId = useId();

  /** after a follow-up is done: the position whose button gets the focus once the list is back */
  const pendingFocus = useRef<number | null>(null);
  useEffect(() => {
    if (pendingFocus.current === null || !loaded || busy) return;
    const index = pendingFocus.current;
    pendingFocus.current = null;
    const buttons = document.querySelectorAll<HTMLButtonElement>('[data-followup-done]');
    const target = buttons[Math.min(index, buttons.length - 1)];
    if (target) target.focus();
    else headingRef.current?.focus();
  }, [loaded, busy, headingRef]);
  const { done, reopen } = useDoneWithUndo((f) => {
    pendingFocus.current = Math.max(
      0,
      followUps.findIndex((x) => x.id === f.id),
    );
  });
  const canClose = can('followup.own');
  const headers = [
    t('casework.followUps.dueOn'),
    t('casework.household.caseNumber'),
    t('casework.followUps.text'),
    ...(canClose ? [t('common.actions')] : []),
  ];

  return (
    <Paper withBorder p="lg" radius="md" component="section" aria-labelledby="myday-followups">
      <Stack gap="sm">
        <Title order={2} size="h3" id="myday-followups" ref={headingRef} tabIndex={-1}>
          {t('casework.myDay.followUps')}
        </Title>
        <ErrorAlert error={done.error ?? reopen.error} />
        {loaded && followUps.length === 0 ? <Text>{t('casework.myDay.noFollowUps')}</Text> : null}
        <CaseTable
          caption={t('casework.myDay.followUps')}
          minWidth={560}
          striped={false}
          busy={busy}
          headers={headers}
        >
          <FollowUpRows
            items={followUps}
            today={today}
            onDone={canClose ? (f) => done.mutate(f) : undefined}
            busyId={done.isPending ? done.variables?.id : undefined}
          />
        </CaseTable>
        <div>
          <Button
            variant="subtle"
            px={0}
            aria-expanded={open}
            aria-controls={upcomingId}
            onClick={() => setOpen((o) => !o)}
          >
            {t('myWork.upcoming', { count: upcoming.length })}
          </Button>
          <Collapse expanded={open} id={upcomingId}>
            {upcoming.length === 0 ? (
              <Text>{t('myWork.noUpcoming')}</Text>
            ) : (
              <CaseTable
                caption={t('myWork.upcoming', { count: upcoming.length })}
                minWidth={560}
                striped={false}
                headers={headers.slice(0, 3)}
              >
                <FollowUpRows items={upcoming} today={today} />
              </CaseTable>
            )}
          </Collapse>
        </div>
      </Stack>
    </Paper>
  );
}
