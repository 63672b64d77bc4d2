import { Textarea, type TextareaProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export interface CountedTextareaProps extends TextareaProps {
  /** the most characters the API takes for this text */
  maxLength: number;
}

/**
 * A free text with its limit in view: "120 von 2000 Zeichen" under the field (after its own
 * description), and the browser stops typing at the limit, so nothing is cut off on saving.
 */
export function CountedTextarea({ maxLength, description, value, ...props }: CountedTextareaProps) {
  const { t } = useTranslation();
  const count = typeof value === 'string' ? value.length : 0;
  const counter = t('forms.counter', { count, max: maxLength });
  return (
    <Textarea
      autosize
      minRows={2}
      maxLength={maxLength}
      value={value}
      description={
        description ? (
          <>
            {description} · {counter}
          </>
        ) : (
          counter
        )
      }
      {...props}
    />
  );
}
