import { Anchor, Group, List, Paper, Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useCan } from '../../app/session';
import { useRetentionPreview } from './api';

/** On the start page of whoever runs the retention (DPO, admin): what is due, and where to check. */
export function PrivacyStartCard() {
  const can = useCan();
  if (!can('retention.apply')) return null;
  return <Card showAudit={can('audit.read')} />;
}

function Card({ showAudit }: { showAudit: boolean }) {
  const { t } = useTranslation();
  const preview = useRetentionPreview();
  const total = preview.data?.total;
  return (
    <Paper withBorder p="lg" radius="md" component="section" aria-labelledby="privacy-work">
      <Stack gap="sm">
        <Title order={2} size="h4" id="privacy-work">
          {t('retention.start.title')}
        </Title>
        <List>
          <List.Item>
            <Group gap="xs">
              <Anchor component={Link} to="/retention">
                {t('retention.start.retention')}
              </Anchor>
              {total ? (
                <span data-testid="start-due">
                  {t('retention.start.due', { count: total.anonymise, notes: total.clearNotes })}
                </span>
              ) : null}
            </Group>
          </List.Item>
          {showAudit ? (
            <List.Item>
              <Anchor component={Link} to="/audit">
                {t('retention.start.audit')}
              </Anchor>
            </List.Item>
          ) : null}
        </List>
      </Stack>
    </Paper>
  );
}
