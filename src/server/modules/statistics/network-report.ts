import { languageName } from '../../../shared/countries.js';
import type { GapItem } from '../../../shared/schemas/network.js';
import {
  type EventBreakdown,
  type NetworkReport,
  participantGroups,
} from '../../../shared/schemas/statistics-network.js';
import { noProtection } from '../../../shared/schemas/statistics-protection.js';
import type { ResolvedFilters } from './filters.js';
import type { NetworkFacts } from './network-queries.js';
import { breakdownOf, type Labels, type RefItem } from './report.js';

type EventFact = NetworkFacts['events'][number];
type EventCounts = Omit<EventBreakdown['total'], 'suppressed'>;

function eventCounts(facts: EventFact[]): EventCounts {
  const sum = (k: (typeof participantGroups)[number] | 'events') => facts.reduce((a, f) => a + f[k], 0);
  const groups = Object.fromEntries(participantGroups.map((g) => [g, sum(g)])) as Record<
    (typeof participantGroups)[number],
    number
  >;
  return {
    events: sum('events'),
    participants: participantGroups.reduce((a, g) => a + groups[g], 0),
    ...groups,
  };
}

/** Events per type or district: every active reference value, then any other code with events. */
function eventBreakdown(
  refs: RefItem[],
  facts: NetworkFacts['events'],
  key: (f: EventFact) => string,
  noneLabel?: string,
): EventBreakdown {
  const events = new Map<string, number>();
  for (const f of facts) events.set(key(f), (events.get(key(f)) ?? 0) + f.events);
  const order = breakdownOf(refs, events).items;
  const items = order.map((i) => ({
    code: i.code,
    label: i.label,
    ...eventCounts(facts.filter((f) => key(f) === i.code)),
  }));
  if (noneLabel !== undefined && events.has(''))
    items.push({ code: null, label: noneLabel, ...eventCounts(facts.filter((f) => key(f) === '')) });
  return { items: items.filter((i) => i.code !== ''), total: eventCounts(facts) };
}

function labelOf(refs: RefItem[], code: string) {
  return refs.find((r) => r.code === code)?.label ?? code;
}

/** The network tables with exact counts (no protection applied yet). */
export function buildNetworkReport(
  r: ResolvedFilters,
  facts: NetworkFacts,
  gaps: GapItem[],
  labels: Labels,
  lang: 'de' | 'en',
): NetworkReport {
  const { category: _c, chartCategory: _cc, ...filters } = r.filters;
  const volunteerRows = r.sites.map((site) => {
    const f = facts.volunteers.find((v) => v.siteId === site.id);
    return {
      siteId: site.id,
      siteCode: site.code,
      siteName: site.name,
      active: f?.active ?? 0,
      new: f?.new ?? 0,
      hours: f?.hours ?? 0,
    };
  });
  const sumOf = <T, K extends keyof T>(list: T[], k: K) =>
    Math.round(list.reduce((a, x) => a + (x[k] as number), 0) * 100) / 100;
  const bookings = facts.bookings
    .map((b) => ({
      code: b.language,
      label: languageName(b.language, lang),
      bookings: b.bookings,
      served: b.served,
      notServed: b.notServed,
      open: b.bookings - b.served - b.notServed,
      hours: b.hours,
    }))
    .sort((a, b) => b.bookings - a.bookings || a.label.localeCompare(b.label, lang));
  const referrals = breakdownOf(labels.lifeAreas, new Map(facts.referrals.map((f) => [f.lifeArea, f.count])));
  return {
    filters,
    protection: noProtection,
    eventsByType: eventBreakdown(labels.eventTypes, facts.events, (f) => f.type),
    eventsByDistrict: eventBreakdown(
      labels.districts,
      facts.events,
      (f) => f.districtCode,
      labels.noDistrict,
    ),
    volunteers: {
      rows: volunteerRows,
      total: {
        active: sumOf(volunteerRows, 'active'),
        new: sumOf(volunteerRows, 'new'),
        hours: sumOf(volunteerRows, 'hours'),
      },
    },
    mediatorBookings: {
      items: bookings,
      total: {
        bookings: sumOf(bookings, 'bookings'),
        served: sumOf(bookings, 'served'),
        notServed: sumOf(bookings, 'notServed'),
        open: sumOf(bookings, 'open'),
        hours: sumOf(bookings, 'hours'),
      },
    },
    referralsToOffers: {
      items: referrals.items.map((i) => ({ code: i.code!, label: i.label, count: i.count })),
      total: referrals.total,
    },
    gaps: {
      items: gaps
        .filter((g) => g.gap)
        .map((g) => ({
          districtCode: g.districtCode,
          districtLabel: labelOf(labels.districts, g.districtCode),
          lifeArea: g.lifeArea,
          lifeAreaLabel: labelOf(labels.lifeAreas, g.lifeArea),
          openNeeds: g.openNeeds,
          activeOffers: g.activeOffers,
        })),
    },
  };
}
