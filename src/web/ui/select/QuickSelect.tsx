import { type ComboboxItem, Select, type SelectProps } from '@mantine/core';
import { type KeyboardEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { bestMatch, flatOptions, rankedFilter } from './optionMatch';
import { useTypedSelect } from './useTypedSelect';

/**
 * A select for fast keyboard entry: it opens on focus, filters as one types (best fits first), and
 * Enter or Tab takes the best fit of the text **as typed at that moment** — computed from the input,
 * not from the highlighted option, which may still belong to the list before the last letter (a
 * fast typist's "Arbei" + Enter would otherwise take the first option of the unfiltered list).
 * Nothing fits: nothing is taken. Arrow keys choose another option, which Enter then takes.
 * Deleting the text and leaving empties an optional (`clearable`) field and keeps a required one.
 */
export function QuickSelect({
  onBlur,
  onChange,
  onFocus,
  onInput,
  value,
  data,
  clearable,
  onOptionSubmit,
  ...props
}: SelectProps) {
  const { t } = useTranslation();
  const select = useTypedSelect({ onInput, onFocus, onOptionSubmit });
  const { typed, overruled, overruleThisEvent } = select;
  const [opened, setOpened] = useState(false);
  const options = flatOptions(data);

  /** takes the best fit of `text`; an empty text empties an optional field and keeps a required one */
  const commit = (text: string) => {
    overruleThisEvent();
    typed.reset();
    const current = options.find((o) => o.value === value) ?? null;
    const next = text.trim() ? (bestMatch(options, text) ?? current) : clearable ? null : current;
    if ((next?.value ?? null) !== (value ?? null)) onChange?.(next?.value ?? null, next as ComboboxItem);
    select.setSearch(next?.label ?? '');
  };

  const onKeyDownCapture = (event: KeyboardEvent<HTMLInputElement>) => {
    select.onArrows(event);
    if (event.key !== 'Enter' || event.nativeEvent.isComposing || !typed.pending()) return;
    const text = event.currentTarget.value;
    if (!event.ctrlKey && !event.metaKey) event.preventDefault();
    if (text.trim() && !bestMatch(options, text)) {
      // nothing fits: take nothing, keep the list open ("nichts gefunden")
      overruleThisEvent();
      return;
    }
    commit(text);
    setOpened(false);
  };

  return (
    <Select
      searchable
      selectFirstOptionOnChange
      autoSelectOnBlur
      allowDeselect={false}
      clearable={clearable}
      filter={rankedFilter}
      nothingFoundMessage={t('casework.common.nothingFound')}
      data={data}
      value={value}
      {...select.props}
      dropdownOpened={opened}
      onDropdownOpen={() => setOpened(true)}
      onDropdownClose={() => setOpened(false)}
      onChange={(next, option) => {
        if (!overruled.current) onChange?.(next, option);
      }}
      onKeyDownCapture={onKeyDownCapture}
      onBlurCapture={() => {
        // Mantine takes its highlighted option on blur; the typed text decides instead
        if (typed.pending()) overruled.current = true;
      }}
      onBlur={(event) => {
        // commit() keeps Mantine's own blur choice overruled until this event is over
        if (typed.pending()) commit(event.currentTarget.value);
        else overruled.current = false;
        onBlur?.(event);
      }}
      {...props}
    />
  );
}
