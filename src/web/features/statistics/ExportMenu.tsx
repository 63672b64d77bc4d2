import { Button, Menu, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** The report's downloads: CSV for German Excel, the ZIP with one CSV per table, CSV for machines, XLSX. */
export const exportKinds = ['csv', 'zip', 'plain', 'xlsx'] as const;
export type ExportKind = (typeof exportKinds)[number];

const labels: Record<ExportKind, [string, string]> = {
  csv: ['csvExcel', 'csvExcelHint'],
  zip: ['csvZip', 'csvZipHint'],
  plain: ['csvPlain', 'csvPlainHint'],
  xlsx: ['xlsxShort', 'xlsxHint'],
};

/** The request of a download; the server names the file in the UI's language. */
export function exportRequest(kind: ExportKind): {
  path: string;
  params: Record<string, string>;
  fallback: string;
} {
  switch (kind) {
    case 'csv':
      return { path: '/api/statistics/export.csv', params: {}, fallback: 'statistik.csv' };
    case 'plain':
      return { path: '/api/statistics/export.csv', params: { dialect: 'plain' }, fallback: 'statistik.csv' };
    case 'zip':
      return { path: '/api/statistics/export.zip', params: {}, fallback: 'statistik.zip' };
    case 'xlsx':
      return { path: '/api/statistics/export.xlsx', params: {}, fallback: 'statistik.xlsx' };
  }
}

export function ExportMenu({ busy, onDownload }: { busy: boolean; onDownload(kind: ExportKind): void }) {
  const { t } = useTranslation();
  return (
    <Menu position="bottom-start" withinPortal>
      <Menu.Target>
        <Button loading={busy} aria-label={t('statistics.export.menuLabel')}>
          {t('statistics.export.menu')}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        {exportKinds.map((kind) => (
          <Menu.Item key={kind} onClick={() => onDownload(kind)}>
            <Text size="sm" fw={600} component="span" display="block">
              {t(`statistics.export.${labels[kind][0]}`)}
            </Text>
            <Text size="xs" component="span" display="block">
              {t(`statistics.export.${labels[kind][1]}`)}
            </Text>
          </Menu.Item>
        ))}
      </Menu.Dropdown>
    </Menu>
  );
}
