import { Button, Group, Select, type SelectProps, TextInput } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { DataTable, type DataTableProps } from './DataTable';
import { ErrorAlert } from './ErrorAlert';
import { Page } from './Page';

interface ListPageProps<T> {
  title: string;
  /** the page's actions; `create` is the usual one, a button to the new record's form */
  actions?: ReactNode;
  create?: { to: string; label: string };
  /** the name of the filters' search landmark */
  filtersLabel: string;
  search: { label: string; description?: string; value: string; onChange(value: string): void };
  /** the filters between the search box and the reset button */
  children: ReactNode;
  reset: { label: string; disabled: boolean; onClick(): void };
  error: unknown;
  table: DataTableProps<T>;
  /** after the table, e.g. an open dialog */
  footer?: ReactNode;
}

/**
 * A list page: its title and actions, the filters in a search landmark (search box first, the reset
 * button last), the load error and the table.
 */
export function ListPage<T>({
  title,
  actions,
  create,
  filtersLabel,
  search,
  children,
  reset,
  error,
  table,
  footer,
}: ListPageProps<T>) {
  return (
    <Page
      title={title}
      actions={
        actions ??
        (create ? (
          <Button component={Link} to={create.to}>
            {create.label}
          </Button>
        ) : null)
      }
    >
      <search aria-label={filtersLabel}>
        <Group align="flex-end" wrap="wrap">
          <TextInput
            type="search"
            label={search.label}
            description={search.description}
            value={search.value}
            onChange={(e) => search.onChange(e.currentTarget.value)}
          />
          {children}
          <Button variant="default" disabled={reset.disabled} onClick={reset.onClick}>
            {reset.label}
          </Button>
        </Group>
      </search>
      <ErrorAlert error={error} />
      <DataTable {...table} />
      {footer}
    </Page>
  );
}

/** A list filter's select: clearable unless told otherwise, its value bound by `filterProps(name)`. */
export function FilterSelect(props: SelectProps) {
  return <Select clearable {...props} />;
}
