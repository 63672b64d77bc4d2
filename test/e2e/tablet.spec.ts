import { expect, type Locator, type Page, test } from '@playwright/test';
import { expectNoA11yViolations, login } from './helpers';

/** Home visits on a tablet: both orientations, the navigation behind the menu button. */
const sizes = [
  { name: 'Hochformat 768 × 1024', viewport: { width: 768, height: 1024 } },
  { name: 'Querformat 1024 × 768', viewport: { width: 1024, height: 768 } },
];

async function expectNoSidewaysScrolling(page: Page, label: string): Promise<void> {
  const { scroll, client } = await page.evaluate(() => ({
    scroll: document.documentElement.scrollWidth,
    client: document.documentElement.clientWidth,
  }));
  expect(scroll, `sideways scrolling on ${label}`).toBeLessThanOrEqual(client);
}

/** At least 44 px high (and, with `square`, wide): a target a finger hits. */
async function expectTouchTarget(target: Locator, label: string, square = false): Promise<void> {
  const box = await target.boundingBox();
  expect(box, `${label} is on the page`).not.toBeNull();
  expect(box?.height ?? 0, `${label}: height`).toBeGreaterThanOrEqual(44);
  if (square) expect(box?.width ?? 0, `${label}: width`).toBeGreaterThanOrEqual(44);
}

/** Fully inside the window sideways: reachable without scrolling a table. */
async function expectWithinWidth(page: Page, target: Locator, label: string): Promise<void> {
  const box = await target.boundingBox();
  const width = page.viewportSize()?.width ?? 0;
  expect(box, `${label} is on the page`).not.toBeNull();
  expect(
    (box?.x ?? -1) >= 0 && (box?.x ?? 0) + (box?.width ?? 0) <= width,
    `${label} within the window`,
  ).toBe(true);
}

/** Elements focused while pressing Tab `count` times that lie inside the (closed) navigation. */
async function focusStopsInNavigation(page: Page, count: number): Promise<number> {
  let inside = 0;
  for (let i = 0; i < count; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate(() => !!document.activeElement?.closest('#main-navigation'))) inside++;
  }
  return inside;
}

for (const size of sizes) {
  test.describe(`Tablet ${size.name}`, () => {
    test.use({ viewport: size.viewport });

    test('the navigation opens behind the menu button, by click and by keyboard', async ({ page }) => {
      test.setTimeout(120_000);
      await login(page, 'fachkraft.ba');
      const menu = page.getByRole('button', { name: 'Menü öffnen oder schließen' });
      const navigation = page.locator('#main-navigation');
      const households = navigation.getByRole('link', {
        name: 'Haushalte',
        exact: true,
        includeHidden: true,
      });
      await expect(menu).toHaveAttribute('aria-expanded', 'false');
      await expect(households).toHaveCount(1);
      await expect(households).toBeHidden();
      await expectTouchTarget(menu, 'menu button', true);

      // closed, the navigation is out of the tab order
      await menu.focus();
      expect(await focusStopsInNavigation(page, 6)).toBe(0);

      // by click: open, choose a page, the menu closes
      await menu.click();
      await expect(menu).toHaveAttribute('aria-expanded', 'true');
      await expect(households).toBeVisible();
      await expectTouchTarget(households, 'navigation link');
      await households.click();
      await expect(page.getByRole('heading', { level: 1, name: 'Haushalte' })).toBeVisible();
      await expect(menu).toHaveAttribute('aria-expanded', 'false');
      await expect(households).toBeHidden();

      // by keyboard: Enter opens, Escape closes and leaves the focus on the menu button
      await menu.focus();
      await page.keyboard.press('Enter');
      await expect(menu).toHaveAttribute('aria-expanded', 'true');
      await page.keyboard.press('Escape');
      await expect(menu).toHaveAttribute('aria-expanded', 'false');
      await expect(menu).toBeFocused();
      await expect(households).toBeHidden();

      // open again and tab into the navigation to "Mein Tag"
      await page.keyboard.press('Enter');
      await expect(menu).toHaveAttribute('aria-expanded', 'true');
      const myDay = navigation.getByRole('link', { name: 'Mein Tag', exact: true });
      for (let i = 0; i < 12 && !(await myDay.evaluate((el) => el === document.activeElement)); i++) {
        await page.keyboard.press('Tab');
      }
      await expect(myDay).toBeFocused();
      await page.keyboard.press('Enter');
      await expect(page.getByRole('heading', { level: 1, name: 'Mein Tag' })).toBeVisible();
      await expect(menu).toHaveAttribute('aria-expanded', 'false');
      await expect(myDay).toBeHidden();
    });

    test('Mein Tag, the household list, a household and the contact form fit the width', async ({ page }) => {
      test.setTimeout(240_000);
      await login(page, 'fachkraft.ba');

      // Mein Tag (the caseworker's landing page)
      await expect(page.getByRole('heading', { level: 1, name: 'Mein Tag' })).toBeVisible();
      await expect(page.locator('[aria-busy="true"]')).toHaveCount(0);
      await expectNoSidewaysScrolling(page, 'Mein Tag');
      await expectTouchTarget(page.getByRole('link', { name: 'Haushalt erfassen' }), 'Haushalt erfassen');
      const done = page.getByRole('button', { name: /^Erledigt: / }).first();
      if ((await done.count()) > 0) {
        await expectTouchTarget(done, 'Erledigt');
        await expectWithinWidth(page, done, 'Erledigt');
      }
      await expectNoA11yViolations(page, `Mein Tag (${size.name})`);

      // the household list: rows as cards, the case number on one line
      await page.goto('/households');
      const list = page.getByRole('table', { name: 'Haushalte' });
      await expect(list.getByRole('row').nth(1)).toBeVisible();
      await expect(page.locator('[aria-busy="true"]')).toHaveCount(0);
      await expectNoSidewaysScrolling(page, 'the household list');
      const caseNumber = list.getByRole('link', { name: /^[A-Z]+-\d{4}-\d{4}$/ }).first();
      const line = await caseNumber.evaluate((el) => ({
        rects: el.getClientRects().length,
        height: el.getBoundingClientRect().height,
        fontSize: Number.parseFloat(getComputedStyle(el).fontSize),
        whiteSpace: getComputedStyle(el).whiteSpace,
      }));
      expect(line.whiteSpace).toBe('nowrap');
      expect(line.rects, 'the case number is one line').toBe(1);
      expect(line.height).toBeLessThan(line.fontSize * 2);
      await expectTouchTarget(page.getByRole('button', { name: /Fallnummer/ }), 'sort by case number');
      await expectTouchTarget(page.getByRole('link', { name: 'Haushalt erfassen' }), 'Haushalt erfassen');
      await expectTouchTarget(page.getByRole('searchbox', { name: 'Suche' }), 'search field');
      await expectNoA11yViolations(page, `household list (${size.name})`);

      // a household: its tabs in one row that scrolls, each tab without sideways scrolling
      await caseNumber.click();
      await expect(page.getByRole('heading', { level: 1, name: /^Haushalt / })).toBeVisible();
      const tabs = page.getByRole('tablist', { name: 'Bereiche des Haushalts' }).getByRole('tab');
      const tops = new Set<number>();
      for (const tab of await tabs.all()) tops.add(Math.round((await tab.boundingBox())?.y ?? -1));
      expect([...tops], 'the tabs stand in one row').toHaveLength(1);
      await expectTouchTarget(tabs.first(), 'a tab');
      await expect(page.getByRole('heading', { level: 2, name: 'Mitglieder' })).toBeVisible();
      const edit = page.getByRole('button', { name: /^Bearbeiten/ }).first();
      await expectTouchTarget(edit, 'Bearbeiten (member)');
      await expectWithinWidth(page, edit, 'Bearbeiten (member)');
      await expectNoSidewaysScrolling(page, 'the household page');
      await expectNoA11yViolations(page, `household page (${size.name})`);
      for (const name of ['Kontakte', 'Integrationsbedarf', 'Vermittlungen', 'Termine']) {
        const tab = page.getByRole('tab', { name, exact: true });
        await tab.click();
        await expect(tab).toHaveAttribute('aria-selected', 'true');
        await expect(page.getByRole('heading', { level: 2, name })).toBeVisible();
        await expect(page.locator('[aria-busy="true"]')).toHaveCount(0);
        await expectNoSidewaysScrolling(page, `the household tab ${name}`);
      }
      await expectNoA11yViolations(page, `household appointments (${size.name})`);

      // the contact form
      await page.getByRole('link', { name: 'Kontakt erfassen' }).first().click();
      await expect(page.getByRole('heading', { level: 1, name: /^Kontakt erfassen/ })).toBeVisible();
      await expectNoSidewaysScrolling(page, 'the contact form');
      await expectTouchTarget(page.getByRole('button', { name: /^Kontakt speichern/ }), 'Kontakt speichern');
      await expectTouchTarget(page.getByRole('textbox', { name: /^Datum/ }), 'date field');
      const member = page.getByRole('checkbox').first();
      const labelHeight = await member.evaluate(
        (el) => (el as HTMLInputElement).labels?.[0]?.getBoundingClientRect().height ?? 0,
      );
      expect(labelHeight, 'a member check box label is a 44 px target').toBeGreaterThanOrEqual(44);
      await expectNoA11yViolations(page, `contact form (${size.name})`);
    });
  });
}
