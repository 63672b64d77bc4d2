import { Pagination } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/**
 * The page controls of a list, in a navigation landmark named after the list; every control and page
 * carries its own label, the current page `aria-current`. Shows nothing for a single page.
 */
export function TablePagination({
  label,
  pages,
  page,
  onChange,
}: {
  /** the list's name, e.g. the table's label */
  label: string;
  pages: number;
  page: number;
  onChange(page: number): void;
}) {
  const { t } = useTranslation();
  if (pages <= 1) return null;
  return (
    <nav aria-label={t('table.pagination', { label })}>
      <Pagination
        total={pages}
        value={page}
        onChange={onChange}
        getControlProps={(control) => ({ 'aria-label': t(`table.${control}Page`) })}
        getItemProps={(p) => ({
          'aria-label': t('table.page', { page: p }),
          'aria-current': p === page ? 'page' : undefined,
        })}
      />
    </nav>
  );
}
