import { chromium, type Browser } from 'playwright-core';

/**
 * Debian's Chromium, headless. A test tool's own browser download cannot work here, so the path
 * is fixed; the flags keep the browser from reaching out to the network on its own.
 */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}
