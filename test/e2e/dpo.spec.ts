import { expect, test } from '@playwright/test';
import { expectNoA11yViolations, login } from './helpers';

/**
 * The data protection officer's own pages: the start page with the privileged account changes and the
 * emergency grants, the privacy notices (publish dialog) and the record of processing activities.
 */
test('the DPO lands on own work; notices and the Art. 30 record have no WCAG 2.1 AA violations', async ({
  page,
}) => {
  test.setTimeout(180_000);
  await login(page, 'dsb');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(page.getByText('Änderungen an Zugängen').first()).toBeVisible();
  await expect(page.locator('[aria-busy="true"]')).toHaveCount(0);
  await expectNoA11yViolations(page, 'dpo start page');

  await page.goto('/privacy-notices');
  await expect(
    page.getByRole('heading', { level: 1, name: 'Datenschutzhinweise (Art. 13 DSGVO)' }),
  ).toBeVisible();
  await expect(page.locator('[aria-busy="true"]')).toHaveCount(0);
  await expectNoA11yViolations(page, 'privacy notices');

  await page.goto('/processing-record');
  await expect(
    page.getByRole('heading', { level: 1, name: 'Verzeichnis von Verarbeitungstätigkeiten (Art. 30 DSGVO)' }),
  ).toBeVisible();
  await expect(page.locator('[aria-busy="true"]')).toHaveCount(0);
  await expectNoA11yViolations(page, 'processing record');
});
