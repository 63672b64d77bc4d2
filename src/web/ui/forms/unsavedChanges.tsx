import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useBlocker } from 'react-router';
import { ConfirmDialog } from '../ConfirmDialog';

/** The mounted forms' "has the user changed something that is not saved?" */
const openForms = new Set<() => boolean>();

export function hasUnsavedChanges(): boolean {
  for (const isDirty of openForms) if (isDirty()) return true;
  return false;
}

/** Registers a form with the guard while it is mounted (`useFormMutation` does this for every form). */
export function useUnsavedChanges(isDirty: () => boolean): void {
  useEffect(() => {
    openForms.add(isDirty);
    return () => {
      openForms.delete(isDirty);
    };
  }, [isDirty]);
}

/**
 * Asks before leaving a page whose form has unsaved changes: a route change within the app opens a
 * dialog ("Seite verlassen?"), closing or reloading the tab the browser's own question. Mounted once
 * in the app layout.
 */
export function UnsavedChangesGuard() {
  const { t } = useTranslation();
  const blocker = useBlocker(
    // another page, not another tab of the same page (?tab=…: a dialog's own "go to consents" link)
    ({ currentLocation, nextLocation }) =>
      currentLocation.pathname !== nextLocation.pathname && hasUnsavedChanges(),
  );
  useEffect(() => {
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      if (!hasUnsavedChanges()) return;
      event.preventDefault();
      // older browsers show the dialog only with a returnValue
      event.returnValue = '';
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, []);
  return (
    <ConfirmDialog
      opened={blocker.state === 'blocked'}
      title={t('forms.leave.title')}
      message={t('forms.leave.message')}
      confirmLabel={t('forms.leave.confirm')}
      onConfirm={() => blocker.proceed?.()}
      onCancel={() => blocker.reset?.()}
    />
  );
}
