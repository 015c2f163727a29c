import { TextLocked } from '../errors/TextLocked.js';
import { currentWorkflow } from './currentWorkflow.js';

/** Throws 409 text_locked when the document's workflow locks its text (REST changes to the text). */
export async function assertTextUnlocked(documentId: string): Promise<void> {
  if ((await currentWorkflow(documentId)).textLocked) throw new TextLocked();
}
