import { expect, test } from '@playwright/test';
import { chooseOption, field, login } from './helpers';

test('change password: a too short and a differing repeat are named at their fields', async ({ page }) => {
  await login(page, 'netzwerk');
  await page.getByRole('link', { name: 'Passwort ändern' }).click();
  await field(page, 'Aktuelles Passwort').fill('Quartier-Demo-2026');
  await field(page, 'Neues Passwort').fill('kurz');
  await field(page, 'Neues Passwort wiederholen').fill('anders');
  await page.getByRole('button', { name: 'Passwort ändern' }).click();

  const newPassword = field(page, 'Neues Passwort');
  await expect(newPassword).toHaveAttribute('aria-invalid', 'true');
  await expect(newPassword).toHaveAccessibleDescription(/mindestens 12 Zeichen/);
  await expect(field(page, 'Neues Passwort wiederholen')).toHaveAccessibleDescription(
    'Die Passwörter stimmen nicht überein.',
  );
});

test('create account: the server rejects the username and the form says which field', async ({ page }) => {
  await login(page, 'admin');
  await page.goto('/users/new');
  await field(page, 'Benutzername').fill('kein gültiger name!');
  await field(page, 'Anzeigename').fill('Test');
  await field(page, 'Erstes Passwort').fill('Ein-langes-Passwort-1');
  await chooseOption(page, 'Rolle', 'Beirat');
  await page.getByRole('button', { name: 'Konto anlegen' }).click();

  await expect(page.getByRole('alert')).toContainText('Die Eingabe ist ungültig.');
  await expect(page.getByRole('alert')).toContainText(/Anfrage-ID: \S+/);
  const username = field(page, 'Benutzername');
  await expect(username).toHaveAttribute('aria-invalid', 'true');
  await expect(username).toHaveAccessibleDescription(/Nur Buchstaben, Ziffern/);
  await expect(field(page, 'Anzeigename')).not.toHaveAttribute('aria-invalid', 'true');
});

test('site form: a closing date before the opening date is refused at the field', async ({ page }) => {
  await login(page, 'admin');
  await page.goto('/sites/new');
  await field(page, 'Kürzel').fill('TST');
  await field(page, 'Name').fill('Teststandort');
  await field(page, 'Eröffnet am').fill('01.10.2024');
  await field(page, 'Geschlossen am').fill('01.09.2024');
  await page.getByRole('button', { name: 'Standort anlegen' }).click();
  await expect(field(page, 'Geschlossen am')).toHaveAttribute('aria-invalid', 'true');
  await expect(field(page, 'Geschlossen am')).toHaveAccessibleDescription(/nicht vor dem Eröffnungsdatum/);
});
