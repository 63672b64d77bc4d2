import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  Appointment,
  CasePlan,
  Consent,
  FollowUp,
  MyDay,
  Need,
  Referral,
  Transfer,
} from '../../../shared/schemas/casework';
import type { Contact } from '../../../shared/schemas/contacts';
import type {
  duplicateCheckResult,
  Household,
  HouseholdSummary,
  Person,
} from '../../../shared/schemas/households';
import { api, type Query } from '../../app/api';

export type {
  Appointment,
  CasePlan,
  Consent,
  Contact,
  FollowUp,
  Household,
  Need,
  Person,
  Referral,
  Transfer,
};
export type DuplicateCheck = z.infer<typeof duplicateCheckResult>;

export interface Paged<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

/** Every case work query starts with `casework`; a household's own records start with its key. */
export const caseworkKeys = {
  all: ['casework'] as const,
  myDay: ['casework', 'myDay'] as const,
  households: (params: Query) => ['casework', 'households', params] as const,
  householdLists: ['casework', 'households'] as const,
  household: (id: string) => ['casework', 'household', id] as const,
  householdPart: (id: string, part: string, params?: Query) =>
    ['casework', 'household', id, part, ...(params ? [params] : [])] as const,
  duplicates: (name: string, birth: string) => ['casework', 'duplicates', name, birth] as const,
};

export function useMyDay() {
  return useQuery({ queryKey: caseworkKeys.myDay, queryFn: () => api.get<MyDay>('/api/my-day') });
}

export function useHouseholdList(params: Query) {
  return useQuery({
    queryKey: caseworkKeys.households(params),
    queryFn: () => api.get<Paged<HouseholdSummary>>('/api/households', params),
    placeholderData: keepPreviousData,
  });
}

export function useHousehold(id: string) {
  return useQuery({
    queryKey: caseworkKeys.household(id),
    queryFn: () => api.get<Household>(`/api/households/${id}`),
  });
}

/** One of a household's lists (needs, referrals, consents, …) under `/api/households/:id/<part>`. */
export function useHouseholdPart<T>(id: string, part: string) {
  return useQuery({
    queryKey: caseworkKeys.householdPart(id, part),
    queryFn: () => api.get<T>(`/api/households/${id}/${part}`),
  });
}

export function useContacts(id: string, page: number, pageSize: number) {
  const params = { page, pageSize };
  return useQuery({
    queryKey: caseworkKeys.householdPart(id, 'contacts', params),
    queryFn: () => api.get<Paged<Contact>>(`/api/households/${id}/contacts`, params),
    placeholderData: keepPreviousData,
  });
}

export type HouseholdSummaryRow = HouseholdSummary;
