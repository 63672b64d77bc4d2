import { useDebouncedValue } from '@mantine/hooks';
import { useEffect, useState } from 'react';
import { useSearchParams } from 'react-router';

/** Filters and page of a list kept in the address, so "back" returns to the same view. */
export function useAddressFilters() {
  const [params, setParams] = useSearchParams();
  const get = (name: string) => params.get(name) || null;
  const page = Math.max(1, Number(params.get('page')) || 1);
  const update = (changes: Record<string, string | null>, resetPage = true) =>
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
  const setPage = (p: number) => update({ page: p > 1 ? String(p) : null }, false);
  /** a filter select's value and change handler for one address parameter */
  const filterProps = (name: string) => ({
    value: get(name),
    onChange: (value: string | null) => update({ [name]: value }),
  });
  return { params, get, page, update, setPage, filterProps };
}

/**
 * The list's search box: it types into local state, and the address (`q`) follows after a pause of
 * 300 ms, so every letter does not become a request and a history entry.
 */
export function useAddressSearch({
  get,
  update,
}: Pick<ReturnType<typeof useAddressFilters>, 'get' | 'update'>) {
  const [q, setQ] = useState(get('q') ?? '');
  const [debouncedQ] = useDebouncedValue(q, 300);
  // biome-ignore lint/correctness/useExhaustiveDependencies: only the debounced text writes the address
  useEffect(() => {
    if ((get('q') ?? '') !== debouncedQ.trim()) update({ q: debouncedQ.trim() || null });
  }, [debouncedQ]);
  return [q, setQ] as const;
}
