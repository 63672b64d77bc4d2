import { MultiSelect, type MultiSelectProps } from '@mantine/core';
import { type KeyboardEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { bestMatch, flatOptions, rankedFilter } from './optionMatch';
import { useTypedText } from './useTypedText';

/**
 * A multi-select for the keyboard: typing filters (best fits first), Enter adds the best fit of the
 * text as typed ("Dari" + Enter adds Dari) and never submits the form; arrow keys choose another
 * option, which Enter then adds. Text that fits nothing adds nothing.
 */
export function QuickMultiSelect({
  onChange,
  onInput,
  onFocus,
  onOptionSubmit,
  value,
  data,
  ...props
}: MultiSelectProps) {
  const { t } = useTranslation();
  const typed = useTypedText();
  const [search, setSearch] = useState('');
  /** while set, a change Mantine makes from its (possibly stale) highlight is ignored */
  const overruled = useRef(false);
  const options = flatOptions(data);
  const picked = value ?? [];

  const onKeyDownCapture = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') typed.navigated();
    if (event.key !== 'Enter' || event.nativeEvent.isComposing) return;
    // Enter in this field chooses; saving is the save button's (or Ctrl+Enter's) job
    if (!event.ctrlKey && !event.metaKey) event.preventDefault();
    if (!typed.pending()) return;
    overruled.current = true;
    window.setTimeout(() => {
      overruled.current = false;
    }, 0);
    const match = bestMatch(options, event.currentTarget.value, picked);
    if (!match) return;
    typed.reset();
    onChange?.([...picked, match.value]);
    setSearch('');
  };

  return (
    <MultiSelect
      searchable
      hidePickedOptions
      selectFirstOptionOnChange
      filter={rankedFilter}
      nothingFoundMessage={t('casework.common.nothingFound')}
      data={data}
      value={value}
      searchValue={search}
      onSearchChange={setSearch}
      onChange={(next) => {
        if (!overruled.current) onChange?.(next);
      }}
      onInput={(event) => {
        typed.onInput(event);
        onInput?.(event);
      }}
      onFocus={(event) => {
        typed.reset();
        onFocus?.(event);
      }}
      onKeyDownCapture={onKeyDownCapture}
      onOptionSubmit={(chosen) => {
        typed.reset();
        onOptionSubmit?.(chosen);
      }}
      {...props}
    />
  );
}
