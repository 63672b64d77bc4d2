import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type {
  GapItem,
  Offer,
  OfferDetail,
  Partner,
  PartnerContact,
  SurveyDistrict,
} from '../../../shared/schemas/network';
import { api, type Query } from '../../app/api';

export type { GapItem, Offer, OfferDetail, Partner, PartnerContact, SurveyDistrict };

export interface PageOf<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export const networkKeys = {
  all: ['network'] as const,
  partners: (q?: Query) => ['network', 'partners', q ?? {}] as const,
  partner: (id: string) => ['network', 'partner', id] as const,
  partnerContacts: (id: string) => ['network', 'partner', id, 'contacts'] as const,
  offers: (q?: Query) => ['network', 'offers', q ?? {}] as const,
  offer: (id: string) => ['network', 'offer', id] as const,
  gaps: (siteIds?: string) => ['network', 'gaps', siteIds ?? ''] as const,
  survey: (siteIds?: string) => ['network', 'survey', siteIds ?? ''] as const,
};

export function usePartnerList(q: Query) {
  return useQuery({
    queryKey: networkKeys.partners(q),
    queryFn: () => api.get<PageOf<Partner>>('/api/partners', q),
    placeholderData: keepPreviousData,
  });
}

export function usePartner(id: string | undefined) {
  return useQuery({
    queryKey: networkKeys.partner(id ?? ''),
    queryFn: () => api.get<Partner>(`/api/partners/${id}`),
    enabled: !!id,
  });
}

export function usePartnerContacts(id: string) {
  return useQuery({
    queryKey: networkKeys.partnerContacts(id),
    queryFn: () => api.get<PartnerContact[]>(`/api/partners/${id}/contacts`),
  });
}

export function useOfferList(q: Query) {
  return useQuery({
    queryKey: networkKeys.offers(q),
    queryFn: () => api.get<PageOf<Offer>>('/api/offers', q),
    placeholderData: keepPreviousData,
  });
}

export function useOffer(id: string | undefined) {
  return useQuery({
    queryKey: networkKeys.offer(id ?? ''),
    queryFn: () => api.get<OfferDetail>(`/api/offers/${id}`),
    enabled: !!id,
  });
}

export function useGaps(siteIds?: string) {
  return useQuery({
    queryKey: networkKeys.gaps(siteIds),
    queryFn: () => api.get<GapItem[]>('/api/network/gaps', { siteIds }),
  });
}

export function useSurvey(siteIds?: string) {
  return useQuery({
    queryKey: networkKeys.survey(siteIds),
    queryFn: () => api.get<SurveyDistrict[]>('/api/network/survey', { siteIds }),
  });
}
