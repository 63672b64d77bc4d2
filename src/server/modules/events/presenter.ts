import type { EventDetail, EventSummary, ParticipantCounts } from '../../../shared/schemas/events.js';
import type { events } from '../../db/schema/index.js';

type EventRow = typeof events.$inferSelect;

/** `HH:MM:SS` from the time column as `HH:MM`. */
export const hhmm = (t: string | null) => (t ? t.slice(0, 5) : null);

export function countsOf(row: EventRow): ParticipantCounts {
  return {
    neighbours: row.neighbours,
    refugees: row.refugees,
    volunteers: row.volunteers,
    partners: row.partnerCount,
    others: row.others,
  };
}

/** The count columns of a (partial) set of participant counts. */
export function countColumns(p: Partial<ParticipantCounts> | undefined) {
  if (!p) return {};
  return {
    ...(p.neighbours !== undefined ? { neighbours: p.neighbours } : {}),
    ...(p.refugees !== undefined ? { refugees: p.refugees } : {}),
    ...(p.volunteers !== undefined ? { volunteers: p.volunteers } : {}),
    ...(p.partners !== undefined ? { partnerCount: p.partners } : {}),
    ...(p.others !== undefined ? { others: p.others } : {}),
  };
}

export function presentSummary(row: EventRow): EventSummary {
  const participants = countsOf(row);
  return {
    id: row.id,
    type: row.type,
    title: row.title,
    siteId: row.siteId,
    districtCode: row.districtCode,
    place: row.place,
    date: row.date,
    startTime: hhmm(row.startTime),
    endTime: hhmm(row.endTime),
    seriesId: row.seriesId,
    public: row.public,
    participants,
    participantTotal: Object.values(participants).reduce((a, b) => a + b, 0),
  };
}

export function presentDetail(
  row: EventRow,
  extra: { partners: { id: string; name: string }[]; seriesCount: number; createdCount?: number },
): EventDetail {
  return {
    ...presentSummary(row),
    organiserIds: row.organiserIds,
    partnerIds: row.partnerIds,
    partners: extra.partners,
    minutes: row.minutes,
    series: row.seriesId ? { id: row.seriesId, count: extra.seriesCount } : null,
    ...(extra.createdCount !== undefined ? { createdCount: extra.createdCount } : {}),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}
