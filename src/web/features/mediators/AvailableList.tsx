import { Badge, Button, Group, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { AvailableMediator } from './api';
import { formatEuro, languagesText } from './labels';

interface Props {
  rows: AvailableMediator[];
  booking: string | null;
  onBook(m: AvailableMediator): void;
}

/** The free mediators for the chosen time, those free by their weekly plan first. */
export function AvailableList({ rows, booking, onBook }: Props) {
  const { t } = useTranslation();
  if (rows.length === 0) return <Text role="status">{t('mediators.book.none')}</Text>;
  return (
    <Table.ScrollContainer minWidth={560}>
      <Table striped fz="sm" aria-label={t('mediators.book.availableLabel')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('mediators.field.name')}</Table.Th>
            <Table.Th>{t('mediators.field.kind')}</Table.Th>
            <Table.Th>{t('mediators.field.languages')}</Table.Th>
            <Table.Th>{t('mediators.field.rate')}</Table.Th>
            <Table.Th>{t('mediators.field.availability')}</Table.Th>
            <Table.Th>{t('common.actions')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((m) => (
            <Table.Tr key={m.id}>
              <Table.Td>{m.name}</Table.Td>
              <Table.Td>{t(`mediators.kind.${m.kind}`)}</Table.Td>
              <Table.Td>{languagesText(m.languages)}</Table.Td>
              <Table.Td>{formatEuro(m.rate)}</Table.Td>
              <Table.Td>
                <Badge
                  variant="filled"
                  color={m.availableByPlan ? 'teal.9' : 'gray.7'}
                  style={{ minWidth: 'max-content' }}
                >
                  {m.availableByPlan ? t('mediators.book.byPlan') : t('mediators.book.byArrangement')}
                </Badge>
              </Table.Td>
              <Table.Td>
                <Group>
                  <Button
                    size="compact-sm"
                    loading={booking === m.id}
                    disabled={booking !== null}
                    onClick={() => onBook(m)}
                  >
                    {t('mediators.book.bookThis', { name: m.name })}
                  </Button>
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
