import { Anchor, Badge, Button, Group, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PrivacyNotice } from '../../../shared/schemas/privacy-notices';
import { useCan } from '../../app/session';
import { type Column, DataTable } from '../../ui/DataTable';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { formatDateTime } from '../../ui/format';
import { Page } from '../../ui/Page';
import { languageLabel } from '../casework/options';
import { printUrl, usePrivacyNotices } from './api';
import { PublishNoticeModal } from './PublishNoticeModal';

const placeholderMark = 'to be translated by the city';

/** "Datenschutzhinweise": the current text per language to print for a household; the DPO publishes new versions. */
export function PrivacyNoticesPage() {
  const { t } = useTranslation();
  const manage = useCan()('privacyNotice.manage');
  const notices = usePrivacyNotices();
  const [editing, setEditing] = useState<PrivacyNotice | 'new' | null>(null);
  const rows = notices.data ?? [];
  const columns: Column<PrivacyNotice>[] = [
    { key: 'language', header: t('dpo.notices.language'), render: (n) => languageLabel(n.language) },
    {
      key: 'title',
      header: t('dpo.notices.titleField'),
      render: (n) => (
        <Group gap="xs">
          <Text size="sm" dir={n.dir} lang={n.language}>
            {n.title}
          </Text>
          {n.title.includes(placeholderMark) ? (
            <Badge color="red.9" variant="outline">
              {t('dpo.notices.placeholder')}
            </Badge>
          ) : null}
        </Group>
      ),
    },
    { key: 'version', header: t('dpo.notices.version'), render: (n) => n.version },
    {
      key: 'publishedAt',
      header: t('dpo.notices.publishedAt'),
      render: (n) => formatDateTime(n.publishedAt),
    },
    {
      key: 'actions',
      header: t('dpo.notices.actions'),
      render: (n) => (
        <Group gap="xs" wrap="nowrap">
          <Anchor href={printUrl(n.id)} target="_blank" rel="noopener">
            {t('dpo.notices.print', { language: languageLabel(n.language) })}
          </Anchor>
          {manage ? (
            <Button size="xs" variant="default" onClick={() => setEditing(n)}>
              {t('dpo.notices.newVersion', { language: languageLabel(n.language) })}
            </Button>
          ) : null}
        </Group>
      ),
    },
  ];
  return (
    <Page
      title={t('dpo.notices.title')}
      actions={
        manage ? <Button onClick={() => setEditing('new')}>{t('dpo.notices.newLanguage')}</Button> : undefined
      }
    >
      <Stack gap="sm">
        <Text>{manage ? t('dpo.notices.introDpo') : t('dpo.notices.intro')}</Text>
        <ErrorAlert error={notices.error} />
        {rows.length > 0 ? (
          <DataTable
            label={t('dpo.notices.title')}
            testId="privacy-notices"
            minWidth={720}
            columns={columns}
            rows={rows}
            rowKey={(n) => n.id}
          />
        ) : null}
      </Stack>
      {editing ? (
        <PublishNoticeModal base={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />
      ) : null}
    </Page>
  );
}
