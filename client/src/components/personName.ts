import type { TFunction } from 'i18next';

/**
 * A person's name as the interface shows it: the server presents a deleted account's name as ''
 * (what they wrote stays, with their organisation), which reads "Former member".
 */
export function personName(t: TFunction, name: string | null | undefined): string {
  return name || t('people.formerMember');
}
