import type { Page } from 'playwright-core';

/**
 * On "who am I": loads the demo data and continues as the account whose
 * button matches `who`; resolves once home shows that person.
 */
export async function continueAsDemo(page: Page, who: string | RegExp): Promise<void> {
  await page.getByRole('button', { name: 'Load demo data' }).click();
  await page.getByRole('button', { name: who }).click();
  await page.getByTestId('who-name').waitFor();
}
