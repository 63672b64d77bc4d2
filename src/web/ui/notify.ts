import { notifications } from '@mantine/notifications';
import i18n from '../i18n';

/** A success message; its close button is named (axe: button-name). */
export function notifySuccess(message: string): void {
  notifications.show({ color: 'green', message, closeButtonProps: { 'aria-label': i18n.t('common.close') } });
}
