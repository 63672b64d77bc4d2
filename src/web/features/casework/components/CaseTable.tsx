import { Table } from '@mantine/core';
import type { ReactNode } from 'react';
import { HiddenCaption } from './HiddenCaption';

/**
 * The table every household tab lists its records in: scrolls sideways on narrow screens, carries a
 * caption for screen readers; header cells that are `null` (e.g. actions without write permission) are left out.
 */
export function CaseTable({
  caption,
  minWidth,
  headers,
  children,
  striped = true,
  busy,
}: {
  caption: string;
  minWidth: number;
  headers: (string | null)[];
  children: ReactNode;
  striped?: boolean;
  /** the rows are being refreshed (aria-busy) */
  busy?: boolean;
}) {
  return (
    <Table.ScrollContainer minWidth={minWidth}>
      <Table fz="sm" striped={striped} aria-busy={busy || undefined}>
        <HiddenCaption>{caption}</HiddenCaption>
        <Table.Thead>
          <Table.Tr>
            {headers
              .filter((h): h is string => h !== null)
              .map((h) => (
                <Table.Th key={h}>{h}</Table.Th>
              ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>{children}</Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
