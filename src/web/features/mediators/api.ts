import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type {
  Booking,
  BookingStatus,
  CreateBookingBody,
  CreateMediatorBody,
  Mediator,
  UpdateMediatorBody,
} from '../../../shared/schemas/mediators';
import { api, type Query } from '../../app/api';

export type { Booking, BookingStatus, Mediator };
export interface Paged<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}
export interface AvailableMediator {
  id: string;
  name: string;
  kind: Mediator['kind'];
  languages: string[];
  rate: number | null;
  availableByPlan: boolean;
}

/** Every query of this feature starts with `mediators`; bookings with `mediators, bookings`. */
export const mediatorKeys = {
  all: ['mediators'] as const,
  list: (params: Query) => ['mediators', 'list', params] as const,
  one: (id: string) => ['mediators', 'one', id] as const,
  available: (params: Query) => ['mediators', 'available', params] as const,
  bookings: ['mediators', 'bookings'] as const,
  bookingList: (params: Query) => ['mediators', 'bookings', params] as const,
};

export function useMediatorList(params: Query) {
  return useQuery({
    queryKey: mediatorKeys.list(params),
    queryFn: () => api.get<Paged<Mediator>>('/api/mediators', params),
    placeholderData: keepPreviousData,
  });
}

export function useMediator(id: string) {
  return useQuery({
    queryKey: mediatorKeys.one(id),
    queryFn: () => api.get<Mediator>(`/api/mediators/${id}`),
  });
}

export function useBookingList(params: Query, enabled = true) {
  return useQuery({
    queryKey: mediatorKeys.bookingList(params),
    queryFn: () => api.get<Paged<Booking>>('/api/mediator-bookings', params),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useAvailable(params: { language: string; date: string; from: string; to: string } | null) {
  return useQuery({
    queryKey: mediatorKeys.available(params ?? {}),
    queryFn: () => api.get<AvailableMediator[]>('/api/mediators/available', params ?? {}),
    enabled: params !== null,
  });
}

export const saveMediator = (id: string | null, body: CreateMediatorBody | UpdateMediatorBody) =>
  id ? api.patch<Mediator>(`/api/mediators/${id}`, body) : api.post<Mediator>('/api/mediators', body);

export const createBooking = (body: CreateBookingBody) => api.post<Booking>('/api/mediator-bookings', body);

export const updateBooking = (id: string, body: { status: BookingStatus; hours?: number }) =>
  api.patch<Booking>(`/api/mediator-bookings/${id}`, body);
