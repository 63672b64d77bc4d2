import AxeBuilder from '@axe-core/playwright';
import { expect, type Locator, type Page } from '@playwright/test';

export const demoPassword = 'Quartier-Demo-2026';

/** A text, password or select field by its accessible name (the label without the required asterisk). */
export function field(page: Page, name: string): Locator {
  return page.getByRole('textbox', { name, exact: true });
}

/**
 * Signs in on the login page and waits for where the role lands: "Mein Tag" for case staff, the
 * start page for every other role.
 */
export async function login(page: Page, username: string, password = demoPassword): Promise<void> {
  await page.goto('/login');
  await field(page, 'Benutzername').fill(username);
  await field(page, 'Passwort').fill(password);
  await page.getByRole('button', { name: 'Anmelden' }).click();
  await expect(
    page.getByRole('heading', { level: 1, name: /^(Startseite|Mein Tag|Start page|My day)$/ }),
  ).toBeVisible();
}

/** Opens the start page through the navigation (case staff land on "Mein Tag"). */
export async function openStartPage(page: Page): Promise<void> {
  await page
    .getByRole('navigation')
    .getByRole('link', { name: /^(Startseite|Start page)$/ })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: /^(Startseite|Start page)$/ })).toBeVisible();
}

export async function logout(page: Page): Promise<void> {
  await page.getByRole('button', { name: /Abmelden|Sign out/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: /Anmeldung|Sign in/ })).toBeVisible();
}

/** Runs axe with the WCAG 2.1 A/AA rules and expects no violation; prints them readably if any. */
export async function expectNoA11yViolations(page: Page, label: string): Promise<void> {
  // a notification or menu still fading in or out has a lighter colour for a moment than it settles at:
  // axe judges the page once its finite animations and transitions have ended (a spinner never ends)
  await page.evaluate(() =>
    Promise.all(
      document
        .getAnimations()
        .filter((a) => Number.isFinite(a.effect?.getComputedTiming().endTime ?? Number.POSITIVE_INFINITY))
        .map((a) => a.finished.catch(() => undefined)),
    ),
  );
  const result = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  const summary = result.violations.map((v) => ({
    id: v.id,
    impact: v.impact,
    help: v.help,
    nodes: v.nodes.map((n) => `${n.target.join(' ')} — ${n.failureSummary ?? ''}`),
  }));
  expect(summary, `axe violations on ${label}`).toEqual([]);
}

/** Picks an option in a Mantine Select or MultiSelect by the field's label. */
export async function chooseOption(page: Page, label: string, option: string | RegExp): Promise<void> {
  await page.getByRole('combobox', { name: label, exact: true }).click();
  await page.getByRole('option', { name: option }).click();
}
