import { useTranslation } from 'react-i18next';
import {
  cellValue,
  type ReportTable as Table,
  type TableCell,
  type Translate,
} from '../../../shared/statistics-tables';
import { currentLanguage } from '../../i18n';
import { StatTable, type StatTableProps } from './StatTable';

type Props = { table: Table } & Omit<StatTableProps, 'caption' | 'columns' | 'rows' | 'textColumns'>;

/** A table of shared/statistics-tables.ts on the page: the same rows and labels as the XLSX and CSV. */
export function ReportTable({ table, ...rest }: Props) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const translate: Translate = (key, values) => t(key, values);
  const text = (cell: TableCell) => String(cellValue(cell, translate, lang, 'page'));
  return (
    <StatTable
      caption={t('statistics.tableCaption', { title: t(table.title) })}
      columns={table.columns.map(text)}
      // the period beside the site's name is text, left-aligned
      textColumns={table.labelColumns - 1}
      rows={table.rows.map((r) => ({
        key: r.key || '-',
        label: text(r.cells[0]),
        cells: r.cells.slice(1).map(text),
        total: r.total,
      }))}
      {...rest}
    />
  );
}
