import type { WithheldReason } from '../../../shared/schemas/statistics.js';
import { type NetworkReport, participantGroups } from '../../../shared/schemas/statistics-network.js';
import { suppressionV1 } from '../../../shared/schemas/statistics-protection.js';
import { LinkedCells } from './protect.js';

const eventMeasures = ['events', 'participants', ...participantGroups] as const;
const bookingParts = ['served', 'notServed', 'open'] as const;

type Marked = { suppressed?: Record<string, WithheldReason> } & Record<string, unknown>;

/**
 * The network tables as one system of published counts and their sums, for the report's small-cell
 * protection (protect.ts):
 * - events by type and by district: per row participants = the five groups; per column the rows sum to
 *   the total, which both tables share (the same events);
 * - volunteers: per column the sites sum to the total;
 * - mediator bookings: per language bookings = served + not served + open; per column the languages sum
 *   to the total;
 * - referrals to offers: the life areas sum to the total;
 * - gaps: each district's open needs on its own (households may have needs in several life areas).
 * The network figures share no total with the household tables, so they are protected on their own.
 */
export function linkedNetworkCells(report: NetworkReport) {
  const out = structuredClone(report);
  const cells = new LinkedCells();
  const { cell, sum } = cells;

  const events = (prefix: string, table: NetworkReport['eventsByType']) => {
    const rowIds = table.items.map((item) => {
      const id = (m: string) => cell(`${prefix}|${item.code ?? ''}|${m}`, item, m);
      sum(
        participantGroups.map((g) => id(g)),
        id('participants'),
      );
      return id;
    });
    const total = (m: string) => cell(`ev|total|${m}`, table.total, m);
    sum(
      participantGroups.map((g) => total(g)),
      total('participants'),
    );
    for (const m of eventMeasures)
      sum(
        rowIds.map((id) => id(m)),
        total(m),
      );
  };
  events('et', out.eventsByType);
  events('ed', out.eventsByDistrict);

  for (const m of ['active', 'new'] as const)
    sum(
      out.volunteers.rows.map((row) => cell(`v|${row.siteId}|${m}`, row, m)),
      cell(`v|total|${m}`, out.volunteers.total, m),
    );

  const bookings = [...out.mediatorBookings.items, out.mediatorBookings.total];
  const bookingId = (i: number, m: string) =>
    cell(`b|${out.mediatorBookings.items[i]?.code ?? 'total'}|${m}`, bookings[i], m);
  bookings.forEach((_, i) => {
    sum(
      bookingParts.map((m) => bookingId(i, m)),
      bookingId(i, 'bookings'),
    );
  });
  for (const m of ['bookings', ...bookingParts])
    sum(
      out.mediatorBookings.items.map((_, i) => bookingId(i, m)),
      bookingId(out.mediatorBookings.items.length, m),
    );

  sum(
    out.referralsToOffers.items.map((i) => cell(`r|${i.code}`, i, 'count')),
    cell('r|total', out.referralsToOffers.total, 'count'),
  );

  for (const g of out.gaps.items) cell(`g|${g.districtCode}|${g.lifeArea}`, g, 'openNeeds');

  return { out, cells };
}

/** Hours are withheld wherever the count they belong to is, so no withheld count shows through them. */
function hoursFollow(holders: Marked[], count: string) {
  for (const h of holders) {
    const reason = h.suppressed?.[count];
    if (!reason) continue;
    h.hours = null;
    h.suppressed = { ...h.suppressed, hours: reason };
  }
}

/** The network tables with small cells withheld, exactly as the report withholds them. */
export function protectNetworkReport(report: NetworkReport): NetworkReport {
  const { out, cells } = linkedNetworkCells(report);
  cells.apply();
  hoursFollow([...out.volunteers.rows, out.volunteers.total] as Marked[], 'active');
  hoursFollow([...out.mediatorBookings.items, out.mediatorBookings.total] as Marked[], 'served');
  return { ...out, protection: suppressionV1 };
}
