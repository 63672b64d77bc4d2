import { Group, Loader, Table, Text, UnstyledButton } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { TablePagination } from './TablePagination';

export interface Column<T> {
  key: string;
  header: string;
  render(row: T): ReactNode;
  /** the server's sort field, if the column can be sorted */
  sortField?: string;
}

export interface SortState {
  field: string;
  order: 'asc' | 'desc';
}

export interface DataTableProps<T> {
  label: string;
  /** the id of a visible heading that names the table (instead of `label` as aria-label) */
  labelledBy?: string;
  testId?: string;
  /** below this width the table scrolls sideways */
  minWidth?: number;
  /** the text of the one row an empty list shows */
  emptyText?: string;
  columns: Column<T>[];
  rows: T[] | undefined;
  rowKey(row: T): string | number;
  loading?: boolean;
  sort?: SortState;
  onSortChange?(sort: SortState): void;
  /** paging: omit for a list without pages */
  paging?: { page: number; pageSize: number; total: number; onPageChange(page: number): void };
}

/**
 * A table with a label for assistive technology, sortable headers (aria-sort) and page controls.
 * Below desktop width each row shows as a card, its cells labelled with their column (tablet.css).
 */
export function DataTable<T>({
  label,
  labelledBy,
  testId,
  minWidth = 640,
  emptyText,
  columns,
  rows,
  rowKey,
  loading,
  sort,
  onSortChange,
  paging,
}: DataTableProps<T>) {
  const { t } = useTranslation();
  const pages = paging ? Math.max(1, Math.ceil(paging.total / paging.pageSize)) : 1;

  const header = (column: Column<T>) => {
    if (!column.sortField || !onSortChange) return <Table.Th key={column.key}>{column.header}</Table.Th>;
    const active = sort?.field === column.sortField;
    const ariaSort = active ? (sort?.order === 'asc' ? 'ascending' : 'descending') : undefined;
    const next: SortState = {
      field: column.sortField,
      order: active && sort?.order === 'asc' ? 'desc' : 'asc',
    };
    return (
      <Table.Th key={column.key} aria-sort={ariaSort} data-sortable>
        <UnstyledButton onClick={() => onSortChange(next)} fw={700} fz="inherit" className="q-sort-button">
          {column.header}
          <span aria-hidden="true" className="q-sort-mark">
            {active ? (sort?.order === 'asc' ? ' ▲' : ' ▼') : ' ↕'}
          </span>
        </UnstyledButton>
      </Table.Th>
    );
  };

  return (
    <div>
      <Table.ScrollContainer minWidth={minWidth}>
        <Table
          striped
          highlightOnHover
          fz="sm"
          aria-label={labelledBy ? undefined : label}
          aria-labelledby={labelledBy}
          data-testid={testId}
          aria-busy={loading || undefined}
          className="q-card-table"
        >
          <Table.Thead>
            <Table.Tr>{columns.map(header)}</Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows?.map((row) => (
              <Table.Tr key={rowKey(row)}>
                {columns.map((column) => (
                  <Table.Td key={column.key} data-label={column.header}>
                    {column.render(row)}
                  </Table.Td>
                ))}
              </Table.Tr>
            ))}
            {rows && rows.length === 0 ? (
              <Table.Tr>
                <Table.Td colSpan={columns.length}>{emptyText ?? t('table.empty')}</Table.Td>
              </Table.Tr>
            ) : null}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {loading && !rows ? (
        <Group justify="center" p="md">
          <Loader size="sm" aria-label={t('common.loading')} />
        </Group>
      ) : null}
      {paging ? (
        <Group justify="space-between" mt="sm" wrap="wrap">
          <Text size="sm" aria-live="polite">
            {paging.total === 0
              ? t('table.noEntries')
              : t('table.range', {
                  from: (paging.page - 1) * paging.pageSize + 1,
                  to: Math.min(paging.page * paging.pageSize, paging.total),
                  total: paging.total,
                })}
          </Text>
          <TablePagination label={label} pages={pages} page={paging.page} onChange={paging.onPageChange} />
        </Group>
      ) : null}
    </div>
  );
}
