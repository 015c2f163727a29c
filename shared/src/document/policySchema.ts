import { getSchema } from '@tiptap/core';
import { policyExtensions } from './policyExtensions.js';

/** The ProseMirror schema of policy documents, for the server (no DOM needed). */
export const policySchema = getSchema(policyExtensions());
