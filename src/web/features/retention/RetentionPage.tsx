import { Anchor, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useCan } from '../../app/session';
import { Page } from '../../ui/Page';
import { DueCard } from './DueCard';
import { RulesCard } from './RulesCard';

export function RetentionPage() {
  const { t } = useTranslation();
  const can = useCan();
  return (
    <Page title={t('retention.title')}>
      <Text>{t('retention.intro')}</Text>
      <DueCard />
      <RulesCard />
      {can('audit.read') ? (
        <Anchor component={Link} to="/audit">
          {t('retention.auditLink')}
        </Anchor>
      ) : null}
    </Page>
  );
}
