import { participantGroups } from '../../../shared/schemas/events';
import { formatDate } from '../../ui/format';

export { participantGroups };

/** `dd.mm.yyyy, 10:00–12:00` (times only where given). */
export function formatWhen(e: { date: string; startTime: string | null; endTime: string | null }): string {
  const time = e.startTime ? (e.endTime ? `${e.startTime}–${e.endTime}` : e.startTime) : '';
  return time ? `${formatDate(e.date)}, ${time}` : formatDate(e.date);
}
