import { MultiSelect } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type PartnerOption, usePartnerSearch } from './api';

interface PartnerSelectProps {
  value: string[];
  onChange(value: string[]): void;
  /** partners already chosen (their names, before any search) */
  known: PartnerOption[];
  error?: React.ReactNode;
}

/** Partner organisations, searched on the server as one types (the directory can be long). */
export function PartnerSelect({ value, onChange, known, error }: PartnerSelectProps) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 250);
  const found = usePartnerSearch(q);
  // names seen so far, so chosen partners keep their labels whatever the current search finds
  const names = useRef(new Map<string, string>());
  for (const p of known) names.current.set(p.id, p.name);
  for (const p of found.data?.items ?? []) names.current.set(p.id, p.name);
  const data = useMemo(() => {
    const ids = new Set([...value, ...(found.data?.items ?? []).map((p) => p.id)]);
    return [...ids].map((id) => ({ value: id, label: names.current.get(id) ?? id }));
  }, [value, found.data]);
  return (
    <MultiSelect
      label={t('events.fields.partners')}
      description={t('events.form.partnersHint')}
      data={data}
      value={value}
      onChange={onChange}
      searchable
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options }) => options}
      hidePickedOptions
      nothingFoundMessage={
        found.isError ? t('events.form.partnersUnavailable') : t('events.common.nothingFound')
      }
      error={error}
    />
  );
}
