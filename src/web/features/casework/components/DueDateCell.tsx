import { Badge, Group, Table } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../ui/format';

/** The due date of a follow-up in a table row, with an "überfällig" badge when it is overdue. */
export function DueDateCell({ dueOn, overdue }: { dueOn: string; overdue: boolean }) {
  const { t } = useTranslation();
  return (
    <Table.Td>
      <Group gap={6} wrap="nowrap">
        <span>{formatDate(dueOn)}</span>
        {overdue ? (
          <Badge color="red.9" variant="filled" style={{ minWidth: 'max-content' }}>
            {t('casework.followUps.overdue')}
          </Badge>
        ) : null}
      </Group>
    </Table.Td>
  );
}
