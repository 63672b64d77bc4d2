import { Anchor, Badge, Button, Group, List, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { todayBerlin } from '../../../shared/dates';
import { api } from '../../app/api';
import { useCan } from '../../app/session';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { formatDate, formatDateTime } from '../../ui/format';
import { notifySuccess } from '../../ui/notify';
import { Page } from '../../ui/Page';
import { caseworkKeys, type FollowUp, useMyDay } from './api';
import { CaseTable } from './components/CaseTable';
import { languageLabel } from './options';

/** "Mein Tag": my follow-ups due (overdue ones marked), today's appointments, recently opened households. */
export function MyDayPage() {
  const { t } = useTranslation();
  const can = useCan();
  const queryClient = useQueryClient();
  const day = useMyDay();
  const followUpsHeading = useRef<HTMLHeadingElement>(null);
  const today = todayBerlin();

  /** after a follow-up is done: the position whose button gets the focus once the list is back */
  const pendingFocus = useRef<number | null>(null);
  useEffect(() => {
    if (pendingFocus.current === null || !day.data) return;
    const index = pendingFocus.current;
    pendingFocus.current = null;
    const buttons = document.querySelectorAll<HTMLButtonElement>('[data-followup-done]');
    const target = buttons[Math.min(index, buttons.length - 1)];
    if (target) target.focus();
    else followUpsHeading.current?.focus();
  }, [day.data]);

  const done = useMutation({
    mutationFn: (f: FollowUp) => api.patch<FollowUp>(`/api/followups/${f.id}`, { done: true }),
    onSuccess: async (f) => {
      notifySuccess(t('casework.followUps.doneNotice', { text: f.text }));
      // focus then goes to the next follow-up's button, or to the heading when none is left
      pendingFocus.current = Math.max(
        0,
        (day.data?.followUps ?? []).findIndex((x) => x.id === f.id),
      );
      await queryClient.invalidateQueries({ queryKey: caseworkKeys.all });
    },
  });

  const followUps = day.data?.followUps ?? [];
  const appointments = day.data?.appointments ?? [];
  const recent = day.data?.recentHouseholds ?? [];

  return (
    <Page
      title={t('casework.myDay.title')}
      actions={
        can('household.write') ? (
          <Group gap="sm">
            <Button component={Link} to="/households/new" variant="default">
              {t('casework.list.create')}
            </Button>
            <Button component={Link} to="/contacts/anonymous" variant="default">
              {t('casework.anonymous.title')}
            </Button>
          </Group>
        ) : null
      }
    >
      <Text>{t('casework.myDay.today', { date: formatDate(today) })}</Text>
      <ErrorAlert error={day.error} />
      <ErrorAlert error={done.error} />

      <Paper withBorder p="lg" radius="md" component="section" aria-labelledby="myday-followups">
        <Stack gap="sm">
          <Title order={2} size="h3" id="myday-followups" ref={followUpsHeading} tabIndex={-1}>
            {t('casework.myDay.followUps')}
          </Title>
          {day.isSuccess && followUps.length === 0 ? <Text>{t('casework.myDay.noFollowUps')}</Text> : null}
          <CaseTable
            caption={t('casework.myDay.followUps')}
            minWidth={560}
            striped={false}
            busy={day.isFetching}
            headers={[
              t('casework.followUps.dueOn'),
              t('casework.household.caseNumber'),
              t('casework.followUps.text'),
              t('common.actions'),
            ]}
          >
            {followUps.map((f) => {
              const overdue = f.dueOn < today;
              return (
                <Table.Tr
                  key={f.id}
                  data-overdue={overdue || undefined}
                  style={overdue ? { background: 'var(--mantine-color-red-0)' } : undefined}
                >
                  <Table.Td>
                    <Group gap={6} wrap="nowrap">
                      <span>{formatDate(f.dueOn)}</span>
                      {overdue ? (
                        <Badge color="red.9" variant="filled" style={{ minWidth: 'max-content' }}>
                          {t('casework.followUps.overdue')}
                        </Badge>
                      ) : null}
                    </Group>
                  </Table.Td>
                  <Table.Td>
                    {f.householdId ? (
                      <Anchor component={Link} to={`/households/${f.householdId}?tab=followups`}>
                        {f.caseNumber}
                      </Anchor>
                    ) : null}
                  </Table.Td>
                  <Table.Td>
                    {f.kind === 'welcomeVisit' ? (
                      <Badge variant="outline" color="blue.9" mr={6}>
                        {t('casework.followUps.kind.welcomeVisit')}
                      </Badge>
                    ) : null}
                    {f.text}
                  </Table.Td>
                  <Table.Td>
                    {can('household.write') ? (
                      <Button
                        size="xs"
                        variant="default"
                        data-followup-done
                        loading={done.isPending && done.variables?.id === f.id}
                        onClick={() => done.mutate(f)}
                        aria-label={t('casework.followUps.markDoneAria', { text: f.text })}
                      >
                        {t('casework.followUps.markDone')}
                      </Button>
                    ) : null}
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </CaseTable>
        </Stack>
      </Paper>

      <Paper withBorder p="lg" radius="md" component="section" aria-labelledby="myday-appointments">
        <Stack gap="sm">
          <Title order={2} size="h3" id="myday-appointments">
            {t('casework.myDay.appointments')}
          </Title>
          {day.isSuccess && appointments.length === 0 ? (
            <Text>{t('casework.myDay.noAppointments')}</Text>
          ) : null}
          <CaseTable
            caption={t('casework.myDay.appointments')}
            minWidth={560}
            striped={false}
            headers={[
              t('casework.appointments.time'),
              t('casework.appointments.duration'),
              t('casework.household.caseNumber'),
              t('casework.appointments.staff'),
              t('casework.appointments.languageNeeded'),
              t('casework.appointments.note'),
            ]}
          >
            {appointments.map((a) => (
              <Table.Tr key={a.id}>
                <Table.Td>{a.startTime}</Table.Td>
                <Table.Td>{t('casework.common.minutes', { count: a.durationMinutes })}</Table.Td>
                <Table.Td>
                  {a.householdId ? (
                    <Anchor component={Link} to={`/households/${a.householdId}?tab=appointments`}>
                      {a.caseNumber}
                    </Anchor>
                  ) : null}
                </Table.Td>
                <Table.Td>{a.staffName}</Table.Td>
                <Table.Td>{languageLabel(a.languageNeeded)}</Table.Td>
                <Table.Td>{a.note}</Table.Td>
              </Table.Tr>
            ))}
          </CaseTable>
        </Stack>
      </Paper>

      <Paper withBorder p="lg" radius="md" component="section" aria-labelledby="myday-recent">
        <Stack gap="sm">
          <Title order={2} size="h3" id="myday-recent">
            {t('casework.myDay.recent')}
          </Title>
          {day.isSuccess && recent.length === 0 ? <Text>{t('casework.myDay.noRecent')}</Text> : null}
          {recent.length > 0 ? (
            <List spacing={4}>
              {recent.map((h) => (
                <List.Item key={h.id}>
                  <Anchor component={Link} to={`/households/${h.id}`} fw={700}>
                    {h.caseNumber}
                  </Anchor>{' '}
                  {h.headName}{' '}
                  <Text span size="sm" c="dimmed">
                    {t('casework.myDay.openedAt', { at: formatDateTime(h.openedAt) })}
                  </Text>
                </List.Item>
              ))}
            </List>
          ) : null}
        </Stack>
      </Paper>
    </Page>
  );
}
