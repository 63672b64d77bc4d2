import { expect, test } from '@playwright/test';
import { expectNoA11yViolations, field, login } from './helpers';

test('login page has no WCAG 2.1 AA violations', async ({ page }) => {
  await page.goto('/login');
  await expect(page.getByRole('heading', { level: 1, name: 'Anmeldung' })).toBeVisible();
  await expect(page).toHaveTitle('Anmeldung – Quartier');
  await expectNoA11yViolations(page, 'login');
  // with an error shown
  await page.getByRole('button', { name: 'Anmelden' }).click();
  await expect(field(page, 'Benutzername')).toHaveAttribute('aria-invalid', 'true');
  await expectNoA11yViolations(page, 'login with field errors');
});

const adminPages: { path: string; heading: string; title?: RegExp }[] = [
  { path: '/', heading: 'Startseite' },
  { path: '/password', heading: 'Passwort ändern' },
  { path: '/users', heading: 'Benutzer*innen' },
  { path: '/users/new', heading: 'Neues Konto anlegen' },
  { path: '/sites', heading: 'Standorte' },
  { path: '/sites/new', heading: 'Neuen Standort anlegen' },
  { path: '/reference/life-areas', heading: 'Referenzdaten: Lebensbereiche' },
  { path: '/reference/organisations', heading: 'Referenzdaten: Träger und Organisationen' },
  { path: '/audit', heading: 'Protokoll' },
  { path: '/gibt-es-nicht', heading: 'Seite nicht gefunden' },
];

test('main pages have no WCAG 2.1 AA violations', async ({ page }) => {
  // ten pages, each with an axe run: minutes on a loaded 2-core machine
  test.setTimeout(240_000);
  await login(page, 'admin');
  for (const { path, heading } of adminPages) {
    await test.step(path, async () => {
      await page.goto(path);
      await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
      await expect(page).toHaveTitle(`${heading} – Quartier`);
      // wait for data tables to fill
      await expect(page.locator('[aria-busy="true"]')).toHaveCount(0);
      await expectNoA11yViolations(page, path);
    });
  }
});

test('dialogs and English pages have no WCAG 2.1 AA violations', async ({ page }) => {
  await login(page, 'admin');
  await page.goto('/users');
  await page.getByRole('button', { name: 'Bearbeiten: admin' }).click();
  await expect(page.getByRole('dialog')).toBeVisible();
  await expectNoA11yViolations(page, 'user edit dialog');
  await page.getByRole('button', { name: 'Abbrechen' }).click();

  await page.goto('/reference/districts');
  await page.getByRole('button', { name: 'Deaktivieren: Innenstadt-West' }).click();
  await expect(page.getByRole('dialog')).toContainText('Eintrag deaktivieren?');
  await expectNoA11yViolations(page, 'confirm dialog');
  await page.getByRole('button', { name: 'Abbrechen' }).click();

  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Reference data: City districts' })).toBeVisible();
  await expectNoA11yViolations(page, 'reference data in English');
});

test('keyboard only: skip link, navigation and sign-out', async ({ page }) => {
  await login(page, 'beirat');
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Zum Inhalt springen' });
  await expect(skip).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.locator('main')).toBeFocused();

  const sites = page.getByRole('navigation').getByRole('link', { name: 'Standorte' });
  await sites.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Standorte' })).toBeFocused();

  await page.getByRole('button', { name: 'Abmelden' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Anmeldung' })).toBeVisible();
});

test('a page outside the role says so, and has no WCAG 2.1 AA violations', async ({ page }) => {
  await login(page, 'fachkraft.ba');
  await expectNoA11yViolations(page, 'start page of a caseworker');
  await page.goto('/audit');
  await expect(page.getByRole('heading', { level: 1, name: 'Keine Berechtigung' })).toBeVisible();
  await expectNoA11yViolations(page, 'forbidden');
});
