import { expect, test } from '@playwright/test';
import { expectNoA11yViolations, login, logout } from './helpers';

test.describe('data protection: retention', () => {
  // the retention run over the demo data takes a while on a busy machine
  test.describe.configure({ timeout: 120_000 });
  test('the DPO lands on their own work, sees the rules read-only and what is due', async ({ page }) => {
    await login(page, 'dsb');
    await expect(page.getByTestId('role-badge')).toHaveText('Datenschutzbeauftragte*r');
    const work = page.getByRole('region', { name: 'Datenschutz: Ihre Aufgaben' });
    await expect(work).toBeVisible();
    await expect(work.getByRole('link', { name: /Protokoll/ })).toBeVisible();
    await expectNoA11yViolations(page, 'start page of the DPO');
    await work.getByRole('link', { name: 'Aufbewahrung prüfen' }).click();
    await expect(
      page.getByRole('heading', { level: 1, name: 'Aufbewahrung und Anonymisierung' }),
    ).toBeVisible();
    const rules = page.getByRole('table', { name: 'Regeln je Haushaltskategorie' });
    await expect(rules.getByRole('row', { name: /Geflüchtete.*12 Monate.*6 Monate/ })).toBeVisible();
    await expect(rules.getByRole('textbox')).toHaveCount(0);
    await expect(page.getByRole('table', { name: 'Heute fällig' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Jetzt anonymisieren' })).toBeVisible();
    await expectNoA11yViolations(page, 'retention page (DPO)');
    // no case content for the DPO
    await expect(page.getByRole('link', { name: 'Haushalte' })).toHaveCount(0);
    await page.getByRole('link', { name: 'Protokoll' }).first().click();
    await expect(page.getByRole('heading', { level: 1, name: 'Protokoll' })).toBeVisible();
  });

  test('the admin edits a rule; the DPO runs the retention after a confirmation', async ({ page }) => {
    await login(page, 'admin');
    await page.goto('/retention');
    await expect(
      page.getByRole('heading', { level: 1, name: 'Aufbewahrung und Anonymisierung' }),
    ).toBeVisible();
    // refugee households are kept for 20 years here: the journeys that run after this one still find them
    await page.getByRole('textbox', { name: 'Anonymisieren nach (Monate): Geflüchtete' }).fill('240');
    await page.getByRole('textbox', { name: 'Notizen entfernen nach (Monate): Geflüchtete' }).fill('240');
    await page.getByRole('button', { name: 'Regeln speichern' }).click();
    await expect(page.getByText('Die Aufbewahrungsregeln wurden gespeichert.')).toBeVisible();
    await expectNoA11yViolations(page, 'retention page (admin)');
    await logout(page);

    await login(page, 'dsb');
    await page.goto('/retention');
    await page.getByRole('button', { name: 'Jetzt anonymisieren' }).click();
    const dialog = page.getByRole('dialog', { name: 'Anonymisierung ausführen?' });
    await expect(dialog).toBeVisible();
    await expectNoA11yViolations(page, 'retention confirmation');
    await dialog.getByRole('button', { name: 'Jetzt anonymisieren' }).click();
    await expect(page.getByText(/Haushalte anonymisiert/)).toBeVisible({ timeout: 60_000 });
    await expect(page.getByTestId('due-anonymise')).toHaveText('0');
  });
});
