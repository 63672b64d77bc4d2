import { Select, type SelectProps } from '@mantine/core';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * A select for fast keyboard entry: it opens on focus, filters as one types, the first match is
 * highlighted, and Enter or Tab takes it (arrow keys choose another). Deleting the text and leaving
 * empties an optional (`clearable`) field and keeps a required one as it was — Mantine's clear
 * button cannot be reached by keyboard, and Tab must not pick the first option of an empty search.
 */
export function QuickSelect({ onBlur, onFocus, onInput, clearable, onChange, value, ...props }: SelectProps) {
  const { t } = useTranslation();
  /** what the user typed since focusing the field; null if nothing */
  const typed = useRef<string | null>(null);
  return (
    <Select
      searchable
      selectFirstOptionOnChange
      autoSelectOnBlur
      allowDeselect={false}
      clearable={clearable}
      nothingFoundMessage={t('casework.common.nothingFound')}
      value={value}
      onChange={onChange}
      onFocus={(event) => {
        typed.current = null;
        onFocus?.(event);
      }}
      onInput={(event) => {
        typed.current = event.currentTarget.value;
        onInput?.(event);
      }}
      onBlur={(event) => {
        if (typed.current !== null && !typed.current.trim()) {
          onChange?.(clearable ? null : (value ?? null), null);
        }
        typed.current = null;
        onBlur?.(event);
      }}
      {...props}
    />
  );
}
