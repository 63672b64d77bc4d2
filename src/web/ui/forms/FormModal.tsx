import { Modal } from '@mantine/core';
import { type ReactNode, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';

interface Props {
  opened: boolean;
  title: string;
  onClose(): void;
  children: ReactNode;
  size?: string;
}

/**
 * A dialog for one case record's form. It is mounted while open; when it goes, focus returns to the
 * element that opened it (or, if that is gone, to the main region's first heading of the tab).
 */
export function CaseModal({ opened, title, onClose, children, size = 'lg' }: Props) {
  const { t } = useTranslation();
  const trigger = useRef<HTMLElement | null>(
    typeof document === 'undefined' ? null : (document.activeElement as HTMLElement | null),
  );
  useEffect(() => {
    const element = trigger.current;
    return () => {
      requestAnimationFrame(() => {
        if (element?.isConnected) element.focus();
        else
          document.querySelector<HTMLElement>('main [role="tabpanel"] h2, main [data-page-title]')?.focus();
      });
    };
  }, []);
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={title}
      size={size}
      returnFocus={false}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      {children}
    </Modal>
  );
}
