import type { Page } from 'playwright-core';
import type { DocumentKind } from '@accord/shared';

export interface NewDocument {
  title: string;
  kind: DocumentKind;
  /** "Start from": the kind's template instead of a blank document */
  fromTemplate?: boolean;
}

/**
 * Creates a document through the form on "My documents" (English interface) and waits for its
 * page; resolves with the document page's path.
 */
export async function createDocument(page: Page, document: NewDocument): Promise<string> {
  await page.getByLabel('Title').fill(document.title);
  await page.getByLabel('Type of document').selectOption(document.kind);
  if (document.fromTemplate) await page.getByLabel('Start from').selectOption('template');
  await page.getByRole('button', { name: 'Create document' }).first().click();
  await page.waitForURL(/\/documents\/[0-9a-f]{24}$/);
  return new URL(page.url()).pathname;
}
