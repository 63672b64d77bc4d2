import { Anchor, Badge, Card, Group, List, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { todayBerlin } from '../../../shared/dates';
import { useSites } from '../../app/queries';
import { useCan } from '../../app/session';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { formatDate } from '../../ui/format';
import { useMyDay } from '../casework/api';
import { useAccountsOverview, useIdleVolunteers } from './api';

function Panel({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <Card withBorder component="section" aria-labelledby={id}>
      <Title order={2} size="h4" id={id} mb="xs">
        {title}
      </Title>
      <Stack gap="xs">{children}</Stack>
    </Card>
  );
}

const shown = 5;

/** My open follow-ups due today or overdue (agreed actions, re-checks, case follow-ups), with the way to "Mein Tag". */
export function MyTasksPanel() {
  const { t } = useTranslation();
  const day = useMyDay();
  const due = day.data?.followUps ?? [];
  const today = todayBerlin();
  return (
    <Panel id="start-my-tasks" title={t('myWork.myFollowUps')}>
      <ErrorAlert error={day.error} />
      <Text>{t('myWork.myFollowUpsDue', { count: due.length })}</Text>
      {due.length > 0 ? (
        <List spacing={4} size="sm">
          {due.slice(0, shown).map((f) => (
            <List.Item key={f.id}>
              {formatDate(f.dueOn)} · {f.text}
              {f.dueOn < today ? (
                <Badge color="red.9" variant="filled" ml={6}>
                  {t('casework.followUps.overdue')}
                </Badge>
              ) : null}
            </List.Item>
          ))}
        </List>
      ) : null}
      <Anchor component={Link} to="/my-day">
        {t('myWork.toMyDay')}
      </Anchor>
    </Panel>
  );
}

/** Active volunteers of my sites without a current assignment. */
export function IdleVolunteersPanel() {
  const { t } = useTranslation();
  const idle = useIdleVolunteers(true);
  const total = idle.data?.total ?? 0;
  return (
    <Panel id="start-idle-volunteers" title={t('myWork.idleVolunteers', { count: total })}>
      <ErrorAlert error={idle.error} />
      {idle.data && total === 0 ? <Text size="sm">{t('myWork.noIdleVolunteers')}</Text> : null}
      <List spacing={4} size="sm">
        {idle.data?.items.map((v) => (
          <List.Item key={v.id}>
            <Anchor component={Link} to={`/volunteers/${v.id}`}>
              {v.firstName} {v.lastName}
            </Anchor>
          </List.Item>
        ))}
      </List>
    </Panel>
  );
}

/** The administration's own work: deactivated accounts, accounts never used, the sites. */
export function AccountsPanel() {
  const { t } = useTranslation();
  const accounts = useAccountsOverview(true);
  const sites = useSites();
  const closed = (sites.data ?? []).filter((s) => s.closedOn !== null).length;
  const d = accounts.data;
  return (
    <Panel id="start-accounts" title={t('myWork.accounts')}>
      <ErrorAlert error={accounts.error ?? sites.error} />
      {d ? (
        <>
          <Text>{t('myWork.inactiveAccounts', { count: d.inactive.total })}</Text>
          <List spacing={2} size="sm">
            {d.inactive.items.map((u) => (
              <List.Item key={u.id}>
                {u.displayName} ({u.username}) – {t(`roles.${u.role}`)}
              </List.Item>
            ))}
          </List>
          <Text>{t('myWork.neverLoggedIn', { count: d.neverTotal })}</Text>
          <List spacing={2} size="sm">
            {d.never.slice(0, shown).map((u) => (
              <List.Item key={u.id}>
                {u.displayName} ({u.username})
              </List.Item>
            ))}
          </List>
        </>
      ) : null}
      <Text>
        {t('myWork.sitesCount', { count: sites.data?.length ?? 0 })}
        {closed > 0 ? `, ${t('myWork.closedSites', { count: closed })}` : ''}
      </Text>
      <Group gap="md">
        <Anchor component={Link} to="/users">
          {t('myWork.manageUsers')}
        </Anchor>
        <Anchor component={Link} to="/sites">
          {t('myWork.manageSites')}
        </Anchor>
      </Group>
    </Panel>
  );
}

/** The report (board, and whoever reads statistics) and the audit log (who checks it). */
export function OversightPanels() {
  const { t } = useTranslation();
  const can = useCan();
  return (
    <>
      {can('statistics.read') ? (
        <Panel id="start-report" title={t('myWork.report')}>
          <Text size="sm">{t('myWork.reportText')}</Text>
          <Anchor component={Link} to="/reports">
            {t('myWork.toReport')}
          </Anchor>
        </Panel>
      ) : null}
      {can('audit.read') ? (
        <Panel id="start-audit" title={t('nav.audit')}>
          <Text size="sm">{t('myWork.auditText')}</Text>
          <Anchor component={Link} to="/audit">
            {t('myWork.toAudit')}
          </Anchor>
        </Panel>
      ) : null}
    </>
  );
}
