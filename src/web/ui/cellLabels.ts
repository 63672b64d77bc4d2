import { useCallback } from 'react';

/**
 * A ref for a table whose rows come from elsewhere: gives every body cell its column header as
 * `data-label`, for the card view below desktop width (tablet.css shows the label before the value,
 * hidden from assistive technology, which has the header cells). Rows added later are labelled as
 * they appear.
 */
export function useCellLabels(
  headers: string[],
): (table: HTMLTableElement | null) => (() => void) | undefined {
  const joined = headers.join('\n');
  return useCallback(
    (table: HTMLTableElement | null) => {
      if (!table) return undefined;
      const labels = joined.split('\n');
      const label = () => {
        for (const body of table.tBodies) {
          for (const row of body.rows) {
            let column = 0;
            for (const cell of row.cells) {
              const text = labels[column];
              if (text !== undefined && cell.dataset.label !== text) cell.dataset.label = text;
              column += cell.colSpan;
            }
          }
        }
      };
      label();
      const observer = new MutationObserver(label);
      observer.observe(table, { childList: true, subtree: true });
      return () => observer.disconnect();
    },
    [joined],
  );
}
