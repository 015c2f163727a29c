import type { Page } from 'playwright-core';

export interface SignInUser {
  email: string;
  password: string;
}

/**
 * Opens `url` signed out, which redirects to the sign-in page, signs `user` in through the form
 * and waits until the app has left the sign-in page (or until `signedIn` holds for the URL).
 */
export async function signIn(
  page: Page,
  url: string,
  user: SignInUser,
  signedIn: (url: URL) => boolean = (url) => !url.pathname.startsWith('/sign-in'),
): Promise<void> {
  await page.goto(url);
  await page.waitForURL(/\/sign-in/);
  await page.getByLabel('Email address').fill(user.email);
  await page.getByLabel('Password').fill(user.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(signedIn);
}
