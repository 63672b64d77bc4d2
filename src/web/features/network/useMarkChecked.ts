import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api';
import { notifySuccess } from '../../ui/notify';
import { networkKeys, type OfferDetail } from './api';

/** "Als geprüft markieren": the offer was checked today. */
export function useMarkChecked() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.post<OfferDetail>(`/api/offers/${id}/checked`),
    onSuccess: async (offer) => {
      await queryClient.invalidateQueries({ queryKey: networkKeys.all });
      notifySuccess(t('network.offers.checked', { title: offer.title }));
    },
  });
}
