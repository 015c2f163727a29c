export const ORGANISATION_KINDS = ['civil_society', 'academic', 'public_institution', 'other'] as const;
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];
