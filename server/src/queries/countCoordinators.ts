import { Membership } from '../models/Membership.js';

export function countCoordinators(documentId: string): Promise<number> {
  return Membership.countDocuments({ documentId, role: 'coordinator' });
}
