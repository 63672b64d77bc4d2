import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type {
  Assignment,
  Certificate,
  CreateAssignmentBody,
  CreateCheckBody,
  CreateHoursBody,
  CreateVolunteerBody,
  HoursEntry,
  HoursYear,
  MatchCandidate,
  ReleasedHousehold,
  UpdateAssignmentBody,
  UpdateVolunteerBody,
  Volunteer,
  VolunteerCheck,
  VolunteerListItem,
  VolunteerStart,
} from '../../../shared/schemas/volunteers';
import { api, type Query } from '../../app/api';

export type { Assignment, MatchCandidate, ReleasedHousehold, Volunteer, VolunteerListItem };

export interface Paged<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

/** Every query of this feature starts with `volunteers`. */
export const volunteerKeys = {
  all: ['volunteers'] as const,
  list: (params: Query) => ['volunteers', 'list', params] as const,
  one: (id: string) => ['volunteers', 'one', id] as const,
  hours: (id: string, year: number) => ['volunteers', 'hours', id, year] as const,
  certificate: (id: string, year: number) => ['volunteers', 'certificate', id, year] as const,
  match: (params: Query) => ['volunteers', 'match', params] as const,
  start: ['volunteers', 'start'] as const,
};

export function useVolunteerList(params: Query) {
  return useQuery({
    queryKey: volunteerKeys.list(params),
    queryFn: () => api.get<Paged<VolunteerListItem>>('/api/volunteers', params),
    placeholderData: keepPreviousData,
  });
}

export function useVolunteer(id: string) {
  return useQuery({
    queryKey: volunteerKeys.one(id),
    queryFn: () => api.get<Volunteer>(`/api/volunteers/${id}`),
  });
}

export function useHours(id: string, year: number) {
  return useQuery({
    queryKey: volunteerKeys.hours(id, year),
    queryFn: () => api.get<HoursYear>(`/api/volunteers/${id}/hours`, { year }),
  });
}

export function useCertificate(id: string, year: number) {
  return useQuery({
    queryKey: volunteerKeys.certificate(id, year),
    queryFn: () => api.get<Certificate>(`/api/volunteers/${id}/certificate`, { year }),
  });
}

export function useMatch(params: Query, enabled: boolean) {
  return useQuery({
    queryKey: volunteerKeys.match(params),
    queryFn: () => api.get<MatchCandidate[]>('/api/volunteers/match', params),
    enabled,
  });
}

export function useVolunteerStart(enabled = true) {
  return useQuery({
    queryKey: volunteerKeys.start,
    queryFn: () => api.get<VolunteerStart>('/api/volunteers/start'),
    enabled,
  });
}

export function saveVolunteer(id: string | null, body: CreateVolunteerBody | UpdateVolunteerBody) {
  return id
    ? api.patch<Volunteer>(`/api/volunteers/${id}`, body)
    : api.post<Volunteer>('/api/volunteers', body);
}

export const addCheck = (id: string, body: CreateCheckBody) =>
  api.post<VolunteerCheck>(`/api/volunteers/${id}/checks`, body);
export const addAssignment = (id: string, body: CreateAssignmentBody) =>
  api.post<Assignment>(`/api/volunteers/${id}/assignments`, body);
export const updateAssignment = (id: string, assignmentId: string, body: UpdateAssignmentBody) =>
  api.patch<Assignment>(`/api/volunteers/${id}/assignments/${assignmentId}`, body);
export const logHours = (id: string, body: CreateHoursBody) =>
  api.post<HoursEntry>(`/api/volunteers/${id}/hours`, body);
export const lookupHousehold = (caseNumber: string) =>
  api.get<ReleasedHousehold>('/api/volunteers/household-lookup', { caseNumber });
