import { List, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { cellKeyV1 } from '../../../shared/schemas/statistics-protection';
import { protectionValues } from '../../../shared/statistics-tables';

/**
 * How the board's figures are protected: the report's counts by the cell-key method (noise of at most
 * ±2, never 1 or 2, tables need not add up), the network tables by "< 3" and "x".
 */
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
        <List.Item>{t('statistics.protection.cellKey', { maxNoise: cellKeyV1.maxNoise })}</List.Item>
        <List.Item>{t('statistics.protection.cellKeySame')}</List.Item>
        <List.Item>{t('statistics.protection.cellKeyTotals')}</List.Item>
      </List>
      <Text size="sm" mt="xs">
        {t('statistics.protection.network')}
      </Text>
      <List size="sm">
        <List.Item>{item('small')}</List.Item>
        <List.Item>{item('secondary')}</List.Item>
      </List>
    </section>
  );
}
