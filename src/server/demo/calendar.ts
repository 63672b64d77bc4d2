/** Calendar dates as day numbers (days since 1970-01-01, UTC) — cheap to add, compare and store. */

const msPerDay = 86_400_000;

export function toDay(isoDate: string): number {
  return Math.round(Date.parse(`${isoDate}T00:00:00Z`) / msPerDay);
}

const isoCache = new Map<number, string>();

export function isoOf(day: number): string {
  let s = isoCache.get(day);
  if (s === undefined) {
    s = new Date(day * msPerDay).toISOString().slice(0, 10);
    isoCache.set(day, s);
  }
  return s;
}

export function yearOf(day: number): number {
  return new Date(day * msPerDay).getUTCFullYear();
}

/** 0 = Sunday … 6 = Saturday */
export function weekdayOf(day: number): number {
  return (((day + 4) % 7) + 7) % 7;
}

/** Month index counted from year 0 (year * 12 + month0), for monthly tables. */
export function monthOf(day: number): number {
  const d = new Date(day * msPerDay);
  return d.getUTCFullYear() * 12 + d.getUTCMonth();
}

export function firstDayOfMonth(month: number): number {
  return Math.round(Date.UTC(Math.floor(month / 12), month % 12, 1) / msPerDay);
}

export function monthLabel(month: number): string {
  return `${Math.floor(month / 12)}-${String((month % 12) + 1).padStart(2, '0')}`;
}

/** Fixed public holidays in NRW on which the offices are closed (movable feasts are left out). */
function isHoliday(day: number): boolean {
  const md = isoOf(day).slice(5);
  return (
    md === '01-01' || md === '05-01' || md === '10-03' || md === '11-01' || md === '12-25' || md === '12-26'
  );
}

export function isWorkingDay(day: number): boolean {
  const w = weekdayOf(day);
  return w !== 0 && w !== 6 && !isHoliday(day);
}

/** The working day nearest to `day` inside [min, max] (earlier first); `day` itself if there is none. */
export function workingDayWithin(day: number, min: number, max: number): number {
  if (isWorkingDay(day)) return day;
  for (let k = 1; k <= 4; k++) {
    if (day - k >= min && isWorkingDay(day - k)) return day - k;
    if (day + k <= max && isWorkingDay(day + k)) return day + k;
  }
  return day;
}

/** Today in Europe/Berlin (the offices' calendar), as YYYY-MM-DD. */
export { todayBerlin as todayInBerlin } from '../../shared/dates.js';

/** A timestamp on that day during office hours (Europe/Berlin, approximated as UTC+1), as ISO text. */
export function officeTime(day: number, minuteOfDay: number): string {
  const utc = minuteOfDay - 60;
  const h = Math.floor(utc / 60);
  const m = utc % 60;
  return `${isoOf(day)}T${h < 10 ? '0' : ''}${h}:${m < 10 ? '0' : ''}${m}:00Z`;
}
