import { List, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { protectionValues } from '../../../shared/statistics-tables';

/** What "< 3" and "x" mean (the threshold comes from shared/schemas/statistics.ts). */
export function ProtectionLegend() {
  const { t } = useTranslation();
  const item = (reason: 'small' | 'secondary') =>
    t('statistics.protection.item', {
      mark: t(`statistics.suppressed.${reason}`, protectionValues),
      text: t(`statistics.protection.${reason}`, protectionValues),
    });
  return (
    <section aria-labelledby="statistics-protection" className="q-report-section">
      <Title order={2} size="h4" id="statistics-protection">
        {t('statistics.protection.title')}
      </Title>
      <List size="sm" mt="xs">
        <List.Item>{item('small')}</List.Item>
        <List.Item>{item('secondary')}</List.Item>
      </List>
    </section>
  );
}
