import { Modal } from '@mantine/core';
import { type ReactNode, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';

export interface FormModalProps {
  title: string;
  onClose(): void;
  children: ReactNode;
  size?: string;
}

/**
 * A dialog for one record's form. It is mounted while open; when it goes, focus returns to the
 * element that opened it (or, if that is gone, to the tab's heading or the page title).
 */
export function FormModal({ title, onClose, children, size = 'lg' }: FormModalProps) {
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
      opened
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
