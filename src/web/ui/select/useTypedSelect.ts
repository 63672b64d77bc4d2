import {
  type FocusEvent,
  type InputEvent,
  type InputEventHandler,
  type KeyboardEvent,
  useRef,
  useState,
} from 'react';
import { useTypedText } from './useTypedText';

interface PassedOn {
  onInput?: InputEventHandler<HTMLInputElement>;
  onFocus?: (event: FocusEvent<HTMLInputElement>) => void;
  onOptionSubmit?: (value: string) => void;
}

/**
 * What QuickSelect and QuickMultiSelect share: the typed text, the search text, and the "overruled"
 * flag. While the typed text decides (Enter, Tab, leaving), the changes Mantine makes from its
 * possibly stale highlight — its option submit, its search reset and its onChange — are ignored until
 * the event is over. `props` are the handlers both selects hand to Mantine in the same way.
 */
export function useTypedSelect(passed: PassedOn) {
  const typed = useTypedText();
  const [search, setSearch] = useState('');
  const overruled = useRef(false);

  const overruleThisEvent = () => {
    overruled.current = true;
    window.setTimeout(() => {
      overruled.current = false;
    }, 0);
  };
  /** arrow keys choose an option: Enter then takes that option, not the typed text's best fit */
  const onArrows = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') typed.navigated();
  };

  return {
    typed,
    search,
    setSearch,
    overruled,
    overruleThisEvent,
    onArrows,
    props: {
      searchValue: search,
      onSearchChange: (next: string) => {
        if (!overruled.current) setSearch(next);
      },
      onInput: (event: InputEvent<HTMLInputElement>) => {
        typed.onInput(event);
        passed.onInput?.(event);
      },
      onFocus: (event: FocusEvent<HTMLInputElement>) => {
        typed.reset();
        passed.onFocus?.(event);
      },
      onOptionSubmit: (chosen: string) => {
        // Mantine submits its highlighted option on blur too: then the typed text still decides
        if (!overruled.current) typed.reset();
        passed.onOptionSubmit?.(chosen);
      },
    },
  };
}
