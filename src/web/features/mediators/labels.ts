import { useTranslation } from 'react-i18next';
import { numberFormat } from '../../../shared/intl-formats';
import type { AvailabilitySlot } from '../../../shared/schemas/mediators';
import { currentLanguage } from '../../i18n';
import { languageLabel } from '../casework/options';

/** "Arabisch, Französisch": the languages of a mediator in the UI language. */
export const languagesText = (codes: string[]) => codes.map(languageLabel).join(', ');

/** A rate in euro in the UI's number format. */
export function formatEuro(value: number | null | undefined): string {
  if (value === null || value === undefined) return '';
  return numberFormat(currentLanguage() === 'en' ? 'en-GB' : 'de-DE', {
    style: 'currency',
    currency: 'EUR',
  }).format(value);
}

export function formatHours(value: number | null | undefined): string {
  if (value === null || value === undefined) return '';
  return numberFormat(currentLanguage() === 'en' ? 'en-GB' : 'de-DE').format(value);
}

/** "Montag 09:00–13:00" per slot. */
export function useSlotText() {
  const { t } = useTranslation();
  return (s: AvailabilitySlot) => `${t(`mediators.weekday.${s.weekday}`)} ${s.from}–${s.to}`;
}
