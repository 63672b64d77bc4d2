import { Table } from '@mantine/core';
import { Children, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../../app/session';
import { useCellLabels } from '../../../ui/cellLabels';
import { HiddenCaption } from './HiddenCaption';

/**
 * The table every household tab lists its records in: scrolls sideways on narrow screens, carries a
 * caption for screen readers, shows its rows as cards below desktop width; without rows it shows nothing (the tab says the list is empty); header cells that are `null` (e.g. actions without write permission) are left out.
 */
export function CaseTable({
  caption,
  minWidth,
  headers,
  children,
  striped = true,
  busy,
  actions,
}: {
  caption: string;
  minWidth: number;
  headers: (string | null)[];
  children: ReactNode;
  striped?: boolean;
  /** the rows are being refreshed (aria-busy) */
  busy?: boolean;
  /** a last column "Aktionen" for those who may write case records */
  actions?: boolean;
}) {
  const { t } = useTranslation();
  const can = useCan();
  const columns = (actions && can('household.write') ? [...headers, t('common.actions')] : headers).filter(
    (h): h is string => h !== null,
  );
  const table = useCellLabels(columns);
  if (Children.count(children) === 0) return null;
  return (
    <Table.ScrollContainer minWidth={minWidth}>
      <Table ref={table} fz="sm" striped={striped} aria-busy={busy || undefined} className="q-card-table">
        <HiddenCaption>{caption}</HiddenCaption>
        <Table.Thead>
          <Table.Tr>
            {columns.map((h) => (
              <Table.Th key={h}>{h}</Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>{children}</Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
