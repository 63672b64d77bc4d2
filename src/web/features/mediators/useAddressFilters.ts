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
  return { params, get, page, update, setPage };
}
