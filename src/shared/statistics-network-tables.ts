import {
  type NetworkReport,
  type NetworkStatisticsTable,
  networkStatisticsTables,
  participantGroups,
} from './schemas/statistics-network.js';
import {
  column,
  count,
  type Holder,
  name,
  type ReportTable,
  type TableCell,
  text,
  titles,
  total,
} from './statistics-tables.js';

/**
 * The network and community work tables (issue 9 §6), described once for the report page, the XLSX
 * sheets and the CSV, like the report's tables in statistics-tables.ts. Page and files lay them out the
 * same; counts withheld by small-cell protection carry their reason, hours follow their count.
 */
const eventColumns = ['events', 'participants', ...participantGroups] as const;

function eventsTable(
  key: NetworkStatisticsTable,
  what: string,
  b: NetworkReport['eventsByType'],
): ReportTable {
  const counts = (h: Holder) => eventColumns.map((m) => count(h, m));
  return {
    ...titles(key),
    columns: [
      column(what),
      column('events'),
      column('participants'),
      ...participantGroups.map((g) => column(`group.${g}`)),
    ],
    rows: [
      ...b.items.map((i) => ({
        key: i.code ?? '',
        cells: [i.code === null ? text('statistics.noDistrict') : name(i.label), ...counts(i)],
      })),
      { key: 'total', total: true, cells: [total, ...counts(b.total)] },
    ],
    labelColumns: 1,
  };
}

function volunteersTable(v: NetworkReport['volunteers']): ReportTable {
  const counts = (h: Holder): TableCell[] => [
    count(h, 'active'),
    count(h, 'new'),
    count(h, 'hours', null, 'hours'),
  ];
  return {
    ...titles('volunteers'),
    columns: [column('site'), column('activeVolunteers'), column('newVolunteers'), column('hours')],
    rows: [
      ...v.rows.map((r) => ({ key: r.siteCode, cells: [name(r.siteName), ...counts(r)] })),
      { key: 'total', total: true, cells: [total, ...counts(v.total)] },
    ],
    labelColumns: 1,
  };
}

function bookingsTable(b: NetworkReport['mediatorBookings']): ReportTable {
  const measures = ['bookings', 'served', 'notServed', 'open'] as const;
  const counts = (h: Holder): TableCell[] => [
    ...measures.map((m) => count(h, m)),
    count(h, 'hours', null, 'hours'),
  ];
  return {
    ...titles('mediator-bookings'),
    columns: [column('language'), ...measures.map((m) => column(m)), column('hours')],
    rows: [
      ...b.items.map((i) => ({ key: i.code, cells: [name(i.label), ...counts(i)] })),
      { key: 'total', total: true, cells: [total, ...counts(b.total)] },
    ],
    labelColumns: 1,
  };
}

function referralsTable(r: NetworkReport['referralsToOffers']): ReportTable {
  return {
    ...titles('referrals-to-offers'),
    columns: [column('lifeArea'), column('referrals')],
    rows: [
      ...r.items.map((i) => ({ key: i.code, cells: [name(i.label), count(i, 'count')] })),
      { key: 'total', total: true, cells: [total, count(r.total, 'count')] },
    ],
    labelColumns: 1,
  };
}

function gapsTable(g: NetworkReport['gaps']): ReportTable {
  return {
    ...titles('network-gaps'),
    columns: [column('district'), column('lifeArea'), column('openNeeds'), column('activeOffers')],
    rows: g.items.map((i) => ({
      key: `${i.districtCode}|${i.lifeArea}`,
      cells: [
        name(i.districtLabel),
        name(i.lifeAreaLabel),
        count(i, 'openNeeds'),
        { kind: 'count', value: i.activeOffers },
      ],
    })),
    labelColumns: 2,
  };
}

/** Every network table, in the order of `networkStatisticsTables` (page and workbook). */
export function networkTables(report: NetworkReport): ReportTable[] {
  const tables: Record<NetworkStatisticsTable, () => ReportTable> = {
    'events-by-type': () => eventsTable('events-by-type', 'eventType', report.eventsByType),
    'events-by-district': () => eventsTable('events-by-district', 'district', report.eventsByDistrict),
    volunteers: () => volunteersTable(report.volunteers),
    'mediator-bookings': () => bookingsTable(report.mediatorBookings),
    'referrals-to-offers': () => referralsTable(report.referralsToOffers),
    'network-gaps': () => gapsTable(report.gaps),
  };
  return networkStatisticsTables.map((key) => tables[key]());
}
