import type { SelectProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { QuickSelect } from '../../ui/select/QuickSelect';
import { languageLabel } from '../casework/options';
import { usePrivacyNotices } from './api';

/** For a consent: which privacy notice (current version per language) was handed out. */
export function NoticeSelect(props: Omit<SelectProps, 'data' | 'label'>) {
  const { t } = useTranslation();
  const notices = usePrivacyNotices();
  const data = (notices.data ?? []).map((n) => ({
    value: n.id,
    label: t('dpo.notices.option', { language: languageLabel(n.language), version: n.version }),
  }));
  return (
    <QuickSelect
      label={t('dpo.notices.given')}
      description={t('dpo.notices.givenHint')}
      clearable
      data={data}
      {...props}
    />
  );
}
