import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type {
  EventAction,
  EventDetail,
  EventParticipant,
  EventStaff,
  EventSummary,
  EventsStart,
} from '../../../shared/schemas/events';
import { api, type Query } from '../../app/api';
import { type Paged, usePagedQuery, useRecordQuery } from '../../app/queries';

export type { EventAction, EventDetail, EventParticipant, EventStaff, EventSummary, EventsStart, Paged };

/** What the events pages need of a partner (`GET /api/partners` of the partners module). */
export interface PartnerOption {
  id: string;
  name: string;
}

/** Every events query starts with `events`; an event's own records start with its key. */
export const eventKeys = {
  all: ['events'] as const,
  list: (params: Query) => ['events', 'list', params] as const,
  event: (id: string) => ['events', 'event', id] as const,
  part: (id: string, part: 'participants' | 'actions') => ['events', 'event', id, part] as const,
  staff: (siteId: string) => ['events', 'staff', siteId] as const,
  start: ['events', 'start'] as const,
  partners: (q: string) => ['events', 'partners', q] as const,
};

export function useEventList(params: Query) {
  return usePagedQuery<EventSummary>(eventKeys.list(params), '/api/events', params);
}

export function useEvent(id: string | undefined) {
  return useRecordQuery<EventDetail>(eventKeys.event(id ?? ''), id, (id) => `/api/events/${id}`);
}

export function useParticipants(id: string) {
  return useQuery({
    queryKey: eventKeys.part(id, 'participants'),
    queryFn: () => api.get<EventParticipant[]>(`/api/events/${id}/participants`),
  });
}

export function useActions(id: string) {
  return useQuery({
    queryKey: eventKeys.part(id, 'actions'),
    queryFn: () => api.get<EventAction[]>(`/api/events/${id}/actions`),
  });
}

/** Active staff of a site (organisers, owners of agreed actions). */
export function useSiteStaff(siteId: string | null | undefined) {
  return useQuery({
    queryKey: eventKeys.staff(siteId ?? ''),
    queryFn: () => api.get<EventStaff[]>('/api/events/staff', { siteId }),
    enabled: !!siteId,
  });
}

export function useEventsStart() {
  return useQuery({ queryKey: eventKeys.start, queryFn: () => api.get<EventsStart>('/api/events/start') });
}

/** Partners matching a search, for the partner select (the partners module's list). */
export function usePartnerSearch(q: string) {
  return useQuery({
    queryKey: eventKeys.partners(q),
    queryFn: () => api.get<Paged<PartnerOption>>('/api/partners', { q: q || undefined, pageSize: 50 }),
    placeholderData: keepPreviousData,
    retry: false,
  });
}
