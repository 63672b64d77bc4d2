import { type FormEvent, useRef } from 'react';

/**
 * What the user typed into a select since focusing it, and whether arrow keys chose an option after
 * the last letter. `pending()`: typed text that Enter, Tab or leaving must decide by itself.
 */
export function useTypedText() {
  const typed = useRef<string | null>(null);
  const arrows = useRef(false);
  return {
    onInput(event: FormEvent<HTMLInputElement>) {
      typed.current = event.currentTarget.value;
      arrows.current = false;
    },
    navigated() {
      arrows.current = true;
    },
    reset() {
      typed.current = null;
      arrows.current = false;
    },
    pending: () => typed.current !== null && !arrows.current,
  };
}
