import { useQuery } from '@tanstack/react-query';
import type {
  GapItem,
  Offer,
  OfferDetail,
  Partner,
  PartnerContact,
  SurveyDistrict,
} from '../../../shared/schemas/network';
import { api, type Query } from '../../app/api';
import { type Paged, usePagedQuery, useRecordQuery } from '../../app/queries';

export type { GapItem, Offer, OfferDetail, Partner, PartnerContact, SurveyDistrict };

/** a page of a list (the name this module's callers know) */
export type PageOf<T> = Paged<T>;

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
  return usePagedQuery<Partner>(networkKeys.partners(q), '/api/partners', q);
}

export function usePartner(id: string | undefined) {
  return useRecordQuery<Partner>(networkKeys.partner(id ?? ''), id, (id) => `/api/partners/${id}`);
}

export function usePartnerContacts(id: string) {
  return useQuery({
    queryKey: networkKeys.partnerContacts(id),
    queryFn: () => api.get<PartnerContact[]>(`/api/partners/${id}/contacts`),
  });
}

export function useOfferList(q: Query) {
  return usePagedQuery<Offer>(networkKeys.offers(q), '/api/offers', q);
}

export function useOffer(id: string | undefined) {
  return useRecordQuery<OfferDetail>(networkKeys.offer(id ?? ''), id, (id) => `/api/offers/${id}`);
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
