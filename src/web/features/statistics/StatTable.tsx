import { Table } from '@mantine/core';
import { type ReactNode, useEffect, useRef, useState } from 'react';

export interface StatRow {
  key: string;
  /** the row's name (a row header for screen readers) */
  label: ReactNode;
  cells: ReactNode[];
  /** the sum row, set apart */
  total?: boolean;
}

export interface StatTableProps {
  /** names the table for assistive technology (the section heading is visible above it) */
  caption: string;
  /** column headers, the first one over the row names */
  columns: string[];
  rows: StatRow[];
  /** long tables scroll inside a box on screen (printed in full) */
  scroll?: boolean;
  /** columns after the first that hold text, not counts (left-aligned) */
  textColumns?: number;
  /** row names on one line (months) */
  nowrap?: boolean;
  testId?: string;
}

/** A table of counts: row and column headers, right-aligned numbers, a total row. */
export function StatTable({
  caption,
  columns,
  rows,
  scroll,
  textColumns = 0,
  nowrap,
  testId,
}: StatTableProps) {
  // alignment and weight by class, not by Mantine style props; rows and cells are plain elements with
  // Mantine's table classes (the same markup Table.Tr/Th/Td render): a report has thousands of cells, and
  // each Mantine part resolves its props, theme and styles per cell on every render (~0.3 s of the page)
  const align = (i: number) => (i < textColumns ? 'q-cell-text' : 'q-cell-num');
  const tr = Table.classes.tr;
  const th = `${Table.classes.th} mantine-Table-th`;
  const td = `${Table.classes.td} mantine-Table-td`;
  const row = { className: `${tr} mantine-Table-tr`, 'data-with-row-border': true, 'data-striped': 'odd' };
  const rowName = nowrap ? `${th} q-row-name q-nowrap` : `${th} q-row-name`;
  const table = (
    <Table fz="sm" striped withTableBorder className="q-stat-table" data-testid={testId}>
      <Table.Caption className="q-visually-hidden">{caption}</Table.Caption>
      <Table.Thead>
        <tr {...row}>
          {columns.map((c, i) => (
            <th key={c} scope="col" className={`${th} ${i === 0 ? 'q-cell-text' : align(i - 1)}`}>
              {c}
            </th>
          ))}
        </tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((r) => (
          <tr key={r.key} {...row} className={r.total ? `${row.className} q-total-row` : row.className}>
            <th scope="row" className={rowName}>
              {r.label}
            </th>
            {r.cells.map((c, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: cells are positional
              <td key={i} className={`${td} ${align(i)}`}>
                {c}
              </td>
            ))}
          </tr>
        ))}
      </Table.Tbody>
    </Table>
  );
  if (!scroll) return <WideWrap label={caption}>{table}</WideWrap>;
  return (
    // a scrolling region must be reachable by keyboard
    // biome-ignore lint/a11y/noNoninteractiveTabindex: scrollable region
    <section className="q-table-scroll" tabIndex={0} aria-label={caption}>
      {table}
    </section>
  );
}

/**
 * A table that may be wider than its column: it scrolls sideways, and only then is the box a named,
 * focusable region (so keyboard users can scroll it, without an extra tab stop for every table).
 */
function WideWrap({ label, children }: { label: string; children: ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  const [overflows, setOverflows] = useState(false);
  useEffect(() => {
    const box = ref.current;
    if (!box) return;
    const check = () => setOverflows(box.scrollWidth > box.clientWidth + 1);
    const observer = new ResizeObserver(check);
    observer.observe(box);
    const table = box.firstElementChild;
    if (table) observer.observe(table);
    check();
    return () => observer.disconnect();
  }, []);
  const region = overflows ? { role: 'region', tabIndex: 0, 'aria-label': label } : {};
  return (
    <div ref={ref} className="q-table-wrap" {...region}>
      {children}
    </div>
  );
}
