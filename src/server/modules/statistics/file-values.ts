/**
 * Values of the export files beyond text and numbers: a calendar date (`{ date: 'YYYY-MM-DD' }`) and an
 * instant (`{ time }`, shown in the offices' local time, Europe/Berlin). XLSX makes them date cells,
 * the CSV writes them in the file's language.
 */
export type FileValue = string | number | { date: string } | { time: Date };

const berlin = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Berlin',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** The wall-clock date `YYYY-MM-DD` and time `HH:MM` in Europe/Berlin. */
export function berlinWallClock(at: Date): { date: string; time: string } {
  const p = Object.fromEntries(berlin.formatToParts(at).map((x) => [x.type, x.value]));
  return { date: `${p.year}-${p.month}-${p.day}`, time: `${p.hour}:${p.minute}` };
}

/** A date for a German office: 15.03.2024 (English files keep the unambiguous 2024-03-15). */
export function fileDate(iso: string, lang: 'de' | 'en'): string {
  return lang === 'de' ? `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}` : iso;
}

/** A file value as CSV text or number; `plain` keeps ISO dates and times (UTC) for machines. */
export function csvValue(v: FileValue, lang: 'de' | 'en', plain: boolean): string | number {
  if (typeof v !== 'object') return v;
  if ('date' in v) return plain ? v.date : fileDate(v.date, lang);
  if (plain) return v.time.toISOString();
  const wall = berlinWallClock(v.time);
  return `${fileDate(wall.date, lang)} ${wall.time}`;
}
