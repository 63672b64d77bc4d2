import { Anchor, Badge, Button, Group, Select, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { useCan } from '../../app/session';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { Page } from '../../ui/Page';
import { languageLabel, useLanguageOptions, useRefOptions } from '../casework/options';
import { AssignmentFormModal } from './AssignmentFormModal';
import { useMatch } from './api';
import { ConductBadge } from './badges';

const criteria = ['language', 'districtCode', 'weekday', 'lifeArea'] as const;

/** Candidates for a household or an offer, ranked by language, district, availability, interests. */
export function MatchPage() {
  const { t } = useTranslation();
  const can = useCan();
  const [params, setParams] = useSearchParams();
  const [assigning, setAssigning] = useState<string | null>(null);
  const languages = useLanguageOptions();
  const districts = useRefOptions('districts');
  const lifeAreas = useRefOptions('life-areas');
  const weekdays = [1, 2, 3, 4, 5, 6, 7].map((d) => ({
    value: String(d),
    label: t(`volunteers.weekday.${d}`),
  }));
  const query = Object.fromEntries(criteria.map((c) => [c, params.get(c) || null]));
  const asked = criteria.some((c) => params.get(c));
  const match = useMatch(query, asked);
  const set = (name: string, value: string | null) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        if (value) next.set(name, value);
        else next.delete(name);
        return next;
      },
      { replace: true },
    );

  return (
    <Page title={t('volunteers.match.title')}>
      <Text>{t('volunteers.match.intro')}</Text>
      <Group align="flex-end" role="search" aria-label={t('volunteers.match.criteria')}>
        <Select
          label={t('volunteers.field.language')}
          searchable
          clearable
          data={languages}
          value={query.language}
          onChange={(v) => set('language', v)}
        />
        <Select
          label={t('volunteers.field.district')}
          searchable
          clearable
          data={districts.options}
          value={query.districtCode}
          onChange={(v) => set('districtCode', v)}
        />
        <Select
          label={t('volunteers.match.weekday')}
          clearable
          data={weekdays}
          value={query.weekday}
          onChange={(v) => set('weekday', v)}
        />
        <Select
          label={t('volunteers.match.lifeArea')}
          searchable
          clearable
          data={lifeAreas.options}
          value={query.lifeArea}
          onChange={(v) => set('lifeArea', v)}
        />
      </Group>
      <ErrorAlert error={match.error} />
      {!asked ? <Text c="dimmed">{t('volunteers.match.askFirst')}</Text> : null}
      {match.data ? (
        <Table fz="sm" aria-label={t('volunteers.match.table')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('volunteers.match.rank')}</Table.Th>
              <Table.Th>{t('volunteers.field.name')}</Table.Th>
              <Table.Th>{t('volunteers.match.score')}</Table.Th>
              <Table.Th>{t('volunteers.match.reasons')}</Table.Th>
              <Table.Th>{t('volunteers.field.languages')}</Table.Th>
              <Table.Th>{t('volunteers.conduct.title')}</Table.Th>
              {can('volunteer.write') ? <Table.Th>{t('volunteers.assignments.actions')}</Table.Th> : null}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {match.data.map((m, i) => (
              <Table.Tr key={m.volunteerId}>
                <Table.Td>{i + 1}</Table.Td>
                <Table.Td>
                  <Anchor component={Link} to={`/volunteers/${m.volunteerId}`} fw={700}>
                    {m.firstName} {m.lastName}
                  </Anchor>
                </Table.Td>
                <Table.Td>{m.score}</Table.Td>
                <Table.Td>
                  <Group gap={4}>
                    {m.reasons.map((r) => (
                      <Badge key={r} variant="outline" color="dark">
                        {t(`volunteers.match.reason.${r}`)}
                      </Badge>
                    ))}
                  </Group>
                </Table.Td>
                <Table.Td>{m.languages.map(languageLabel).join(', ')}</Table.Td>
                <Table.Td>
                  <ConductBadge conduct={m.conduct} />
                </Table.Td>
                {can('volunteer.write') ? (
                  <Table.Td>
                    <Button
                      size="xs"
                      onClick={() => setAssigning(m.volunteerId)}
                      aria-label={t('volunteers.match.assignNamed', { name: `${m.firstName} ${m.lastName}` })}
                    >
                      {t('volunteers.match.assign')}
                    </Button>
                  </Table.Td>
                ) : null}
              </Table.Tr>
            ))}
            {match.data.length === 0 ? (
              <Table.Tr>
                <Table.Td colSpan={7}>{t('volunteers.match.none')}</Table.Td>
              </Table.Tr>
            ) : null}
          </Table.Tbody>
        </Table>
      ) : null}
      {assigning ? <AssignmentFormModal volunteerId={assigning} onClose={() => setAssigning(null)} /> : null}
    </Page>
  );
}
