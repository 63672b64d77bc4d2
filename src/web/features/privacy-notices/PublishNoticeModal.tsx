import { Select, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import type { PrivacyNotice } from '../../../shared/schemas/privacy-notices';
import { api } from '../../app/api';
import { ModalForm } from '../../ui/forms/ModalForm';
import { useFormMutation } from '../../ui/forms/useFormMutation';
import { required } from '../casework/forms';
import { useLanguageOptions } from '../casework/options';
import { noticeKeys } from './api';

/** The DPO publishes the next version of a language (prefilled with the current text, if any). */
export function PublishNoticeModal({ base, onClose }: { base: PrivacyNotice | null; onClose(): void }) {
  const { t } = useTranslation();
  const languages = useLanguageOptions();
  const form = useForm({
    initialValues: { language: base?.language ?? '', title: base?.title ?? '', body: base?.body ?? '' },
    validate: { language: required(t), title: required(t), body: required(t) },
  });
  const scaffold = useFormMutation({
    form,
    mutationFn: (v: typeof form.values) =>
      api.post<PrivacyNotice>('/api/privacy-notices', { language: v.language, title: v.title, body: v.body }),
    invalidate: [noticeKeys.current],
    notify: t('dpo.notices.published'),
    close: onClose,
  });
  return (
    <ModalForm
      title={t('dpo.notices.publishTitle')}
      onClose={onClose}
      scaffold={scaffold}
      size="xl"
      submitLabel={t('dpo.notices.publish')}
    >
      {base ? null : (
        <Select
          label={t('dpo.notices.language')}
          required
          searchable
          data={languages}
          {...form.getInputProps('language')}
        />
      )}
      <TextInput label={t('dpo.notices.titleField')} required dir="auto" {...form.getInputProps('title')} />
      <Textarea
        label={t('dpo.notices.body')}
        description={t('dpo.notices.bodyHint')}
        required
        dir="auto"
        autosize
        minRows={10}
        maxRows={24}
        {...form.getInputProps('body')}
      />
    </ModalForm>
  );
}
