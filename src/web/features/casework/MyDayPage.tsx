import { Anchor, Button, Group, List, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { todayBerlin } from '../../../shared/dates';
import { useCan } from '../../app/session';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { formatDate, formatDateTime } from '../../ui/format';
import { Page } from '../../ui/Page';
import { useMyDay } from './api';
import { CaseTable } from './components/CaseTable';
import { MyDayFollowUps } from './MyDayFollowUps';
import { languageLabel } from './options';

/**
 * "Mein Tag", every staff member's day: my follow-ups due (overdue ones marked) and the next 7 days;
 * for case staff also today's appointments (mine first, then the unassigned) and recent households.
 */
export function MyDayPage() {
  const { t } = useTranslation();
  const can = useCan();
  const day = useMyDay();
  const caseWork = can('household.read');
  const followUpsHeading = useRef<HTMLHeadingElement>(null);
  const today = todayBerlin();

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

      <MyDayFollowUps
        followUps={followUps}
        upcoming={day.data?.upcoming ?? []}
        loaded={day.isSuccess}
        busy={day.isFetching}
        today={today}
        headingRef={followUpsHeading}
      />

      {caseWork ? (
        <>
          <Paper withBorder p="lg" radius="md" component="section" aria-labelledby="myday-appointments">
            <Stack gap="sm">
              <Title order={2} size="h3" id="myday-appointments">
                {t('casework.myDay.appointments')}
              </Title>
              <Text size="sm">{t('myWork.appointmentsHint')}</Text>
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
                        <Anchor
                          component={Link}
                          to={`/households/${a.householdId}?tab=appointments`}
                          className="q-case-number"
                        >
                          {a.caseNumber}
                        </Anchor>
                      ) : null}
                    </Table.Td>
                    <Table.Td>{a.staffName ?? t('myWork.staffNone')}</Table.Td>
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
                      <Anchor component={Link} to={`/households/${h.id}`} fw={700} className="q-case-number">
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
        </>
      ) : null}
    </Page>
  );
}
