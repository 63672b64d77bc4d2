import { expect, test } from '@playwright/test';
import { chooseOption, field, login, logout, openStartPage } from './helpers';

test('admin creates a caseworker, who signs in and switches to English', async ({ page }) => {
  const username = `fachkraft.e2e.${Date.now().toString(36)}`;
  const password = 'Sicheres-Passwort-2026';

  await login(page, 'admin');
  await expect(page.getByText('Administration', { exact: true }).first()).toBeVisible();
  await expect(page.getByTestId('demo-banner')).toBeVisible();

  await page.getByRole('navigation').getByRole('link', { name: 'Benutzer*innen' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Benutzer*innen' })).toBeVisible();
  await expect(page).toHaveTitle(/Benutzer\*innen/);
  await page.getByRole('link', { name: 'Konto anlegen' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Neues Konto anlegen' })).toBeVisible();

  await field(page, 'Benutzername').fill(username);
  await field(page, 'Anzeigename').fill('E2E Fachkraft');
  await field(page, 'Erstes Passwort').fill(password);
  await chooseOption(page, 'Rolle', 'Fachkraft');
  await chooseOption(page, 'Standorte', /^BA – /);
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: 'Konto anlegen' }).click();

  await expect(page.getByRole('heading', { level: 1, name: 'Benutzer*innen' })).toBeVisible();
  await page.getByRole('searchbox', { name: 'Suche' }).fill(username);
  const row = page.getByRole('row', { name: new RegExp(username.replaceAll('.', '\\.')) });
  await expect(row).toBeVisible();
  await expect(row).toContainText('Fachkraft');
  await expect(row).toContainText('BA');

  await logout(page);

  await login(page, username, password);
  // a caseworker lands on "Mein Tag"; the start page is one click away
  await expect(page.getByRole('heading', { level: 1, name: 'Mein Tag' })).toBeVisible();
  await openStartPage(page);
  await expect(page.getByText('Willkommen, E2E Fachkraft!')).toBeVisible();
  await expect(page.getByTestId('role-badge')).toHaveText('Fachkraft');
  await expect(page.getByRole('listitem').filter({ hasText: 'Brackel/Aplerbeck' })).toBeVisible();
  // a caseworker sees no administration pages
  await expect(page.getByRole('navigation').getByRole('link', { name: 'Benutzer*innen' })).toHaveCount(0);
  await expect(page.getByRole('navigation').getByRole('link', { name: 'Protokoll' })).toHaveCount(0);

  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Start page' })).toBeVisible();
  await expect(page.getByText('Welcome, E2E Fachkraft!')).toBeVisible();
  await expect(page.getByTestId('role-badge')).toHaveText('Caseworker');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page).toHaveTitle('Start page – Quartier');

  // the choice is remembered
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Start page' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();

  // and changes the first password the administration gave
  await page.getByRole('link', { name: 'Change password' }).click();
  await field(page, 'Current password').fill(password);
  await field(page, 'New password').fill('Mein-eigenes-Passwort-2026');
  await field(page, 'Repeat new password').fill('Mein-eigenes-Passwort-2026');
  await page.getByRole('button', { name: 'Change password' }).click();
  await expect(page.getByText('Your password has been changed.')).toBeVisible();
  await page.getByRole('button', { name: 'Sign out' }).click();
  await page.getByRole('button', { name: 'Deutsch' }).click();
  await login(page, username, 'Mein-eigenes-Passwort-2026');
});

test('wrong password shows the error with its request id', async ({ page }) => {
  await page.goto('/login');
  await field(page, 'Benutzername').fill('beirat');
  await field(page, 'Passwort').fill('falsches-passwort');
  await page.getByRole('button', { name: 'Anmelden' }).click();
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('Benutzername oder Passwort ist falsch.');
  await expect(alert).toContainText(/Anfrage-ID: \S+/);
});

test('pages without a session lead to the login page, and back after signing in', async ({ page }) => {
  await page.goto('/sites');
  await expect(page.getByRole('heading', { level: 1, name: 'Anmeldung' })).toBeVisible();
  await field(page, 'Benutzername').fill('zentrale');
  await field(page, 'Passwort').fill('Quartier-Demo-2026');
  await page.getByRole('button', { name: 'Anmelden' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Standorte' })).toBeVisible();
  await expect(page.getByRole('row', { name: /Brackel\/Aplerbeck/ })).toBeVisible();
  await expect(page.getByRole('row', { name: /Brackel\/Aplerbeck/ })).toContainText('01.10.2016');
});

test('a session that ends on the server leads back to the login page', async ({ page, context }) => {
  await login(page, 'leitung.ba');
  await context.clearCookies();
  await page.getByRole('navigation').getByRole('link', { name: 'Standorte' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Anmeldung' })).toBeVisible();
  await expect(page.getByText('Ihre Sitzung ist abgelaufen.')).toBeVisible();
  await field(page, 'Benutzername').fill('leitung.ba');
  await field(page, 'Passwort').fill('Quartier-Demo-2026');
  await page.getByRole('button', { name: 'Anmelden' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Standorte' })).toBeVisible();
});
