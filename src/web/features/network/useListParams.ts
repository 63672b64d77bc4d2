import { useDebouncedValue } from '@mantine/hooks';
import { useEffect, useState } from 'react';
import { useSearchParams } from 'react-router';
import type { SortState } from '../../ui/DataTable';

/**
 * Filters, sort and page of a list in the address ("back" returns to the same view); the search box
 * types into local state and the address follows after a pause.
 */
export function useListParams<F extends string>(
  filters: readonly F[],
  sortFields: readonly string[],
  defaultSort: string,
) {
  const [params, setParams] = useSearchParams();
  const get = (name: F) => params.get(name) || null;
  const page = Math.max(1, Number(params.get('page')) || 1);
  const sortField = params.get('sort') ?? '';
  const sort: SortState = {
    field: sortFields.includes(sortField) ? sortField : defaultSort,
    order: params.get('order') === 'desc' ? 'desc' : 'asc',
  };

  const update = (changes: Record<string, string | null>, resetPage = true) => {
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        for (const [k, v] of Object.entries(changes)) {
          if (v) next.set(k, v);
          else next.delete(k);
        }
        if (resetPage) next.delete('page');
        return next;
      },
      { replace: true },
    );
  };

  const [q, setQ] = useState(params.get('q') ?? '');
  const [debouncedQ] = useDebouncedValue(q, 300);
  // biome-ignore lint/correctness/useExhaustiveDependencies: only the debounced text writes the address
  useEffect(() => {
    if ((params.get('q') ?? '') !== debouncedQ.trim()) update({ q: debouncedQ.trim() || null });
  }, [debouncedQ]);

  const values = Object.fromEntries(filters.map((f) => [f, get(f)])) as Record<F, string | null>;
  return {
    get,
    page,
    sort,
    update,
    q,
    setQ,
    /** the search text as the address holds it (debounced) */
    search: params.get('q') || null,
    values,
    /** a filter select's value and change handler */
    filterProps: (name: F) => ({
      value: values[name],
      onChange: (value: string | null) => update({ [name]: value }),
    }),
    anyFilter: filters.some((f) => params.get(f)) || !!q,
    reset: () => {
      setQ('');
      update(Object.fromEntries([...filters, 'q'].map((n) => [n, null])));
    },
    /** the list request's parameters: filters, search, page and sort */
    query: (pageSize: number) => ({
      ...values,
      q: params.get('q') || null,
      page,
      pageSize,
      sort: sort.field,
      order: sort.order,
    }),
    onSortChange: (s: SortState) => update({ sort: s.field, order: s.order }),
    paging: (total: number, pageSize: number) => ({
      page,
      pageSize,
      total,
      onPageChange: (p: number) => update({ page: p > 1 ? String(p) : null }, false),
    }),
  };
}
