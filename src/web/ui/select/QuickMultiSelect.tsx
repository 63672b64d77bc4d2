import { MultiSelect, type MultiSelectProps } from '@mantine/core';
import type { KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { bestMatch, flatOptions, rankedFilter } from './optionMatch';
import { useTypedSelect } from './useTypedSelect';

/**
 * A multi-select for the keyboard: typing filters (best fits first), Enter adds the best fit of the
 * text as typed ("Dari" + Enter adds Dari) and never submits the form; arrow keys choose another
 * option, which Enter then adds. Text that fits nothing adds nothing. While Enter decides, Mantine's
 * own option submit and search reset are ignored (as in QuickSelect).
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
  const select = useTypedSelect({ onInput, onFocus, onOptionSubmit });
  const { typed, overruled } = select;
  const options = flatOptions(data);
  const picked = value ?? [];

  const onKeyDownCapture = (event: KeyboardEvent<HTMLInputElement>) => {
    select.onArrows(event);
    if (event.key !== 'Enter' || event.nativeEvent.isComposing) return;
    // Enter in this field chooses; saving is the save button's (or Ctrl+Enter's) job
    if (!event.ctrlKey && !event.metaKey) event.preventDefault();
    if (!typed.pending()) return;
    select.overruleThisEvent();
    const match = bestMatch(options, event.currentTarget.value, picked);
    if (!match) return;
    typed.reset();
    onChange?.([...picked, match.value]);
    select.setSearch('');
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
      {...select.props}
      onChange={(next) => {
        if (!overruled.current) onChange?.(next);
      }}
      onKeyDownCapture={onKeyDownCapture}
      {...props}
    />
  );
}
