import { fieldError } from '../../platform/errors.js';

/** Records of network work start with the welcome offices; nothing before 2000 is plausible. */
export const earliestDate = '2000-01-01';

/** A date between 2000 and `latest` (inclusive), otherwise a 400 naming the field. */
export function assertPlausibleDate(date: string, path: string, latest?: string) {
  if (date < earliestDate) throw fieldError('dateTooEarly', path, { min: '01.01.2000' });
  if (latest && date > latest) throw fieldError('dateInFuture', path);
}
