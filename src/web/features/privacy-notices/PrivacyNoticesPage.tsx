import { Anchor, Badge, Button, Group, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PrivacyNotice } from '../../../shared/schemas/privacy-notices';
import { useCan } from '../../app/session';
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
          <Table.ScrollContainer minWidth={720}>
            <Table striped aria-label={t('dpo.notices.title')} data-testid="privacy-notices">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('dpo.notices.language')}</Table.Th>
                  <Table.Th>{t('dpo.notices.titleField')}</Table.Th>
                  <Table.Th>{t('dpo.notices.version')}</Table.Th>
                  <Table.Th>{t('dpo.notices.publishedAt')}</Table.Th>
                  <Table.Th>{t('dpo.notices.actions')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((n) => (
                  <Table.Tr key={n.id}>
                    <Table.Td>{languageLabel(n.language)}</Table.Td>
                    <Table.Td>
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
                    </Table.Td>
                    <Table.Td>{n.version}</Table.Td>
                    <Table.Td>{formatDateTime(n.publishedAt)}</Table.Td>
                    <Table.Td>
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
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        ) : null}
      </Stack>
      {editing ? (
        <PublishNoticeModal base={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />
      ) : null}
    </Page>
  );
}
