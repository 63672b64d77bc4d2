import { expect, test } from '@playwright/test';
import { chooseOption, field, login } from './helpers';

test('reference data: add, rename, move and deactivate a value (never delete)', async ({ page }) => {
  const code = `e2e-${Date.now().toString(36)}`;
  await login(page, 'admin');
  await page.getByRole('link', { name: 'Referenzdaten' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Referenzdaten: Lebensbereiche' })).toBeVisible();
  await page.getByRole('tab', { name: 'Kontaktarten' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Referenzdaten: Kontaktarten' })).toBeVisible();

  await page.getByRole('button', { name: 'Eintrag anlegen' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('textbox', { name: 'Code', exact: true }).fill(code);
  await dialog.getByRole('textbox', { name: 'Bezeichnung (Deutsch)' }).fill('Stadtteilspaziergang');
  await dialog.getByRole('textbox', { name: 'Bezeichnung (Englisch)' }).fill('Neighbourhood walk');
  await dialog.getByRole('button', { name: 'Eintrag anlegen' }).click();
  await expect(dialog).toHaveCount(0);

  const table = page.getByRole('table', { name: 'Referenzliste: Kontaktarten' });
  const row = table.getByRole('row').filter({ hasText: code });
  await expect(row).toContainText('Stadtteilspaziergang');
  const rows = table.getByRole('row');
  const count = await rows.count();
  await expect(rows.nth(count - 1)).toContainText(code);

  await page.getByRole('button', { name: 'Umbenennen: Stadtteilspaziergang' }).click();
  await page
    .getByRole('dialog')
    .getByRole('textbox', { name: 'Bezeichnung (Deutsch)' })
    .fill('Quartiersspaziergang');
  await page.getByRole('dialog').getByRole('button', { name: 'Speichern' }).click();
  await expect(row).toContainText('Quartiersspaziergang');

  await page.getByRole('button', { name: 'Nach oben: Quartiersspaziergang' }).click();
  await expect(rows.nth(count - 2)).toContainText(code);

  await page.getByRole('button', { name: 'Deaktivieren: Quartiersspaziergang' }).click();
  await expect(page.getByRole('dialog')).toContainText('Einträge werden nie gelöscht.');
  await page.getByRole('dialog').getByRole('button', { name: 'Deaktivieren' }).click();
  await expect(row).toContainText('Inaktiv');
  await expect(page.getByRole('button', { name: 'Reaktivieren: Quartiersspaziergang' })).toBeVisible();

  // a code the server refuses is named at the code field
  await page.getByRole('button', { name: 'Eintrag anlegen' }).click();
  await page.getByRole('dialog').getByRole('textbox', { name: 'Code', exact: true }).fill('Ungültig Code');
  await page.getByRole('dialog').getByRole('textbox', { name: 'Bezeichnung (Deutsch)' }).fill('x');
  await page.getByRole('dialog').getByRole('textbox', { name: 'Bezeichnung (Englisch)' }).fill('x');
  await page.getByRole('dialog').getByRole('button', { name: 'Eintrag anlegen' }).click();
  await expect(
    page.getByRole('dialog').getByRole('textbox', { name: 'Code', exact: true }),
  ).toHaveAccessibleDescription(/Nur Kleinbuchstaben/);
});

test('sites: edit a site with districts and partners, dates in German format', async ({ page }) => {
  await login(page, 'admin');
  await page.goto('/sites');
  await page.getByRole('link', { name: 'Bearbeiten: Lütgendortmund' }).click();
  await expect(
    page.getByRole('heading', { level: 1, name: 'Standort „Lütgendortmund“ bearbeiten' }),
  ).toBeVisible();
  await expect(field(page, 'Eröffnet am')).toHaveValue('01.10.2018');
  await field(page, 'Geschlossen am').fill('31.12.2030');
  await chooseOption(page, 'Kooperationspartner', /Caritas/);
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: 'Speichern' }).click();

  await expect(page.getByRole('heading', { level: 1, name: 'Standorte' })).toBeVisible();
  const row = page.getByRole('row').filter({ hasText: 'Lütgendortmund' });
  await expect(row).toContainText('01.10.2018');
  await expect(row).toContainText('31.12.2030');
  await expect(row).toContainText('Caritas');
});

test('users: filter by role, sort, and deactivate an account', async ({ page }) => {
  await login(page, 'admin');
  await page.goto('/users');
  await chooseOption(page, 'Rolle', 'Beirat');
  const table = page.getByRole('table', { name: 'Benutzer*innen' });
  await expect(table.getByRole('row')).toHaveCount(2);
  await expect(table).toContainText('beirat');
  await page.getByRole('combobox', { name: 'Rolle', exact: true }).click();
  await page.getByRole('option', { name: 'Beirat' }).click(); // choosing it again clears the filter
  await expect(table).toContainText('zentrale');

  await table.getByRole('button', { name: 'Benutzername' }).click();
  await expect(table.getByRole('columnheader', { name: 'Benutzername' })).toHaveAttribute(
    'aria-sort',
    'descending',
  );
  await expect(table.getByRole('row').nth(1)).toContainText('zentrale');

  await page.getByRole('button', { name: 'Bearbeiten: ehrenamt' }).click();
  await page.getByRole('dialog').getByRole('switch', { name: 'Konto aktiv' }).uncheck();
  await page.getByRole('dialog').getByRole('button', { name: 'Speichern' }).click();
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await expect(table.getByRole('row').filter({ hasText: 'ehrenamt' })).toContainText('Inaktiv');
  // and back: the journeys after this one sign in as the coordinator
  await page.getByRole('button', { name: 'Bearbeiten: ehrenamt' }).click();
  await page.getByRole('dialog').getByRole('switch', { name: 'Konto aktiv' }).check();
  await page.getByRole('dialog').getByRole('button', { name: 'Speichern' }).click();
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await expect(table.getByRole('row').filter({ hasText: 'ehrenamt' })).not.toContainText('Inaktiv');
});
