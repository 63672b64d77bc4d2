import { Anchor, Card, List, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useCan } from '../../app/session';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { formatDate } from '../../ui/format';
import { AssignmentActions } from './AssignmentsSection';
import { useVolunteerStart } from './api';
import { ConductBadge } from './badges';

function Box({ title, empty, children }: { title: string; empty: boolean; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <Card withBorder>
      <Title order={2} size="h4" mb="xs">
        {title}
      </Title>
      {empty ? <Text size="sm">{t('volunteers.start.nothing')}</Text> : children}
    </Card>
  );
}

/**
 * The volunteer coordinator's work on the start page: certificates due, overdue or missing,
 * proposals from case work to confirm, and new interested people. For the lead to place on `/`.
 */
export function VolunteersStart() {
  const { t } = useTranslation();
  const can = useCan();
  const start = useVolunteerStart(can('volunteer.read'));
  if (!can('volunteer.read')) return null;
  const d = start.data;
  const name = (v: { id: string; firstName: string; lastName: string }) => (
    <Anchor component={Link} to={`/volunteers/${v.id}`}>
      {v.firstName} {v.lastName}
    </Anchor>
  );
  return (
    <Stack>
      <ErrorAlert error={start.error} />
      {d ? (
        <SimpleGrid cols={{ base: 1, md: 3 }}>
          <Box title={t('volunteers.start.checksDue')} empty={d.checksDue.length === 0}>
            <List spacing="xs" listStyleType="none">
              {d.checksDue.map((v) => (
                <List.Item key={v.id}>
                  {name(v)} <ConductBadge conduct={v.conduct} />
                </List.Item>
              ))}
            </List>
          </Box>
          <Box title={t('volunteers.start.proposals')} empty={d.proposals.length === 0}>
            <List spacing="xs" listStyleType="none">
              {d.proposals.map((p) => (
                <List.Item key={p.id}>
                  {name({ id: p.volunteerId, firstName: p.firstName, lastName: p.lastName })}
                  {' – '}
                  {p.household?.caseNumber} ({formatDate(p.startsOn)})
                  {can('volunteer.write') ? <AssignmentActions a={p} /> : null}
                </List.Item>
              ))}
            </List>
          </Box>
          <Box title={t('volunteers.start.interested')} empty={d.interested.length === 0}>
            <List spacing="xs" listStyleType="none">
              {d.interested.map((v) => (
                <List.Item key={v.id}>{name(v)}</List.Item>
              ))}
            </List>
          </Box>
        </SimpleGrid>
      ) : null}
    </Stack>
  );
}
