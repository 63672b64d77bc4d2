import { expect, test } from '@playwright/test';
import { expectNoA11yViolations, login } from './helpers';

/*
 * A caseworker deletes a contact they logged: "Löschen" on the contact, a confirmation that needs the
 * reason (the empty reason is named at the field), then the contact is gone. Axe runs on the household
 * page with the dialog open.
 */
test.describe('corrections', () => {
  test.describe.configure({ timeout: 120_000 });

  test('a caseworker deletes a contact with a reason after a confirmation', async ({ page }) => {
    await login(page, 'fachkraft.ba');
    const me = await (await page.request.get('/api/auth/me')).json();
    const headers = { 'x-csrf-token': me.csrfToken as string };
    const created = await page.request.post('/api/households', {
      headers,
      data: {
        siteId: me.user.siteIds[0],
        category: 'refugee',
        registeredOn: '2024-02-01',
        members: [
          { firstName: 'Mira', lastName: 'Korrekturprobe', birthYear: 1985, roleInHousehold: 'head' },
        ],
      },
    });
    expect(created.status()).toBe(201);
    const household = await created.json();
    for (const date of ['2024-03-05', '2024-03-12']) {
      const res = await page.request.post(`/api/households/${household.id}/contacts`, {
        headers,
        data: {
          date,
          contactType: 'sprechstunde',
          reasons: [{ lifeArea: 'wohnen', supportKind: 'beratung' }],
        },
      });
      expect(res.status()).toBe(201);
    }

    await page.goto(`/households/${household.id}?tab=contacts`);
    const timeline = page.getByRole('list', { name: /Kontakte|Verlauf/ });
    await expect(page.getByRole('button', { name: 'Kontakt vom 05.03.2024 löschen' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Kontakt vom 12.03.2024 löschen' })).toBeVisible();
    await page.getByRole('button', { name: 'Kontakt vom 05.03.2024 löschen' }).click();

    const dialog = page.getByRole('dialog', { name: 'Kontakt vom 05.03.2024 löschen' });
    await expect(dialog).toBeVisible();
    const reason = dialog.getByRole('textbox', { name: 'Grund der Löschung' });
    await expect(reason).toBeFocused();
    await expectNoA11yViolations(page, 'household page with the delete dialog open');

    // without a reason nothing is deleted; the field says why
    await dialog.getByRole('button', { name: 'Endgültig löschen' }).click();
    await expect(dialog.getByText('Bitte geben Sie einen Grund an (mindestens 3 Zeichen).')).toBeVisible();
    await expect(reason).toHaveAttribute('aria-invalid', 'true');

    await reason.fill('Doppelt erfasst');
    await expect(dialog.getByText('15 von 500 Zeichen')).toBeVisible();
    await dialog.getByRole('button', { name: 'Endgültig löschen' }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByText('Der Eintrag wurde gelöscht.')).toBeVisible();
    await expect(page.getByRole('button', { name: 'Kontakt vom 05.03.2024 löschen' })).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Kontakt vom 12.03.2024 löschen' })).toBeVisible();
    await expect(timeline.getByRole('listitem').filter({ hasText: '05.03.2024' })).toHaveCount(0);
  });

  test('the site lead restricts a household (Art. 18) with a reason and lifts it again', async ({ page }) => {
    await login(page, 'leitung.ba');
    const me = await (await page.request.get('/api/auth/me')).json();
    const created = await page.request.post('/api/households', {
      headers: { 'x-csrf-token': me.csrfToken as string },
      data: {
        siteId: me.user.siteIds[0],
        category: 'refugee',
        registeredOn: '2024-02-01',
        members: [
          { firstName: 'Nadia', lastName: 'Einschraenkung', birthYear: 1979, roleInHousehold: 'head' },
        ],
      },
    });
    expect(created.status()).toBe(201);
    const household = await created.json();
    await page.goto(`/households/${household.id}`);
    await page.getByRole('button', { name: 'Einschränken (Art. 18 DSGVO)' }).click();
    const dialog = page.getByRole('dialog', { name: 'Verarbeitung einschränken (Art. 18 DSGVO)' });
    await dialog.getByRole('textbox', { name: 'Grund der Einschränkung' }).fill('Richtigkeit bestritten');
    await dialog.getByRole('button', { name: 'Einschränken' }).click();
    await expect(dialog).toBeHidden();
    const banner = page.getByRole('status').filter({ hasText: 'Eingeschränkter Haushalt' });
    await expect(banner).toContainText('Grund: Richtigkeit bestritten');
    await expect(page.getByRole('link', { name: 'Kontakt erfassen' })).toHaveCount(0);
    await expectNoA11yViolations(page, 'restricted household (site lead)');
    await page.getByRole('button', { name: 'Einschränkung aufheben' }).click();
    const lift = page.getByRole('dialog', { name: 'Einschränkung aufheben' });
    await lift.getByRole('textbox', { name: 'Grund der Aufhebung' }).fill('Richtigkeit geklärt');
    await lift.getByRole('button', { name: 'Aufheben' }).click();
    await expect(lift).toBeHidden();
    await expect(banner).toHaveCount(0);
  });
});
