import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useMeta } from './queries';

export function DemoBanner() {
  const { t } = useTranslation();
  const meta = useMeta();
  if (!meta.data?.demo) return null;
  return (
    <div className="q-demo-banner" data-testid="demo-banner">
      <Text size="sm" fw={700} span>
        {t('demo.title')}
      </Text>{' '}
      <Text size="sm" span>
        {t('demo.text')}
      </Text>
    </div>
  );
}
