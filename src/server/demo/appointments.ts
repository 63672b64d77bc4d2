import { isoOf, isWorkingDay, officeTime } from './calendar.js';
import type { Row } from './casework.js';
import { appointmentNotes } from './casework-texts.js';
import type { HouseholdPlan } from './households.js';
import type { Rng } from './random.js';

/** The agenda around today: a few appointments per site and working day with active households. */
export function appointmentRows(
  rng: Rng,
  ids: Rng,
  siteId: string,
  households: HouseholdPlan[],
  staff: (siteId: string) => string | null,
  today: number,
): Row[] {
  const active = households.filter((h) => h.status === 'active' && h.siteId === siteId);
  if (active.length === 0) return [];
  const rows: Row[] = [];
  for (let day = today - 10; day <= today + 14; day++) {
    if (!isWorkingDay(day)) continue;
    const n = rng.int(2, 6);
    const slots = new Set<number>();
    for (let i = 0; i < n; i++) {
      const slot = rng.int(0, 13);
      if (slots.has(slot)) continue;
      slots.add(slot);
      const h = rng.pick(active);
      const minutes = 9 * 60 + slot * 30;
      const time = `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}:00`;
      rows.push([
        'appointments',
        [
          ids.uuid(),
          siteId,
          staff(siteId),
          h.id,
          isoOf(day),
          time,
          rng.pick([30, 30, 45, 60]),
          h.mainLanguage !== 'de' && rng.chance(0.5) ? h.mainLanguage : null,
          rng.pick(appointmentNotes),
          officeTime(Math.min(day, today) - rng.int(1, 14), rng.int(8 * 60, 16 * 60)),
        ],
      ]);
    }
  }
  return rows;
}
