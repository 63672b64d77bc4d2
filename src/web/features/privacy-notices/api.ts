import { useQuery } from '@tanstack/react-query';
import type { PrivacyNotice } from '../../../shared/schemas/privacy-notices';
import { api } from '../../app/api';

export const noticeKeys = { current: ['privacy-notices'] } as const;

/** The current notice per language (all staff). */
export const usePrivacyNotices = () =>
  useQuery({ queryKey: noticeKeys.current, queryFn: () => api.get<PrivacyNotice[]>('/api/privacy-notices') });

/** The printable page of one version (a plain link: the session cookie goes along). */
export const printUrl = (id: string) => `/api/privacy-notices/${id}/print`;
