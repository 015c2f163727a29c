import { z } from 'zod';
import { Limits } from '../limits.js';
import { ORGANISATION_KINDS } from '../organisationKinds.js';
import { stripBidiControls } from '../stripBidiControls.js';

/** A name as people see it: no bidi controls (stripBidiControls), trimmed, not empty. */
const displayName = (max: number) =>
  z.string().transform(stripBidiControls).pipe(z.string().trim().min(1).max(max));

const email = z
  .string()
  .trim()
  .max(Limits.emailMax)
  .pipe(z.email())
  .transform((value) => value.toLowerCase());

export const organisationInput = z.strictObject({
  name: displayName(Limits.organisationNameMax),
  kind: z.enum(ORGANISATION_KINDS),
  /** ISO 3166-1 alpha-2 */
  country: z
    .string()
    .trim()
    .regex(/^[A-Za-z]{2}$/, 'a two-letter ISO 3166 country code')
    .transform((value) => value.toUpperCase()),
});

export const registerBody = z.strictObject({
  email,
  password: z.string().min(Limits.passwordMin).max(Limits.passwordMax),
  name: displayName(Limits.nameMax),
  organisation: organisationInput.optional(),
  locale: z.enum(['en', 'es', 'pt', 'fr']).optional(),
});
export type RegisterBody = z.infer<typeof registerBody>;

export const loginBody = z.strictObject({
  email,
  // no minimum here: a wrong password must get the same answer as a wrong email
  password: z.string().min(1).max(Limits.passwordMax),
});
export type LoginBody = z.infer<typeof loginBody>;

export const passwordResetRequestBody = z.strictObject({ email });
export type PasswordResetRequestBody = z.infer<typeof passwordResetRequestBody>;

export const passwordResetBody = z.strictObject({
  /** the token from the emailed link (base64url) */
  token: z.string().regex(/^[A-Za-z0-9_-]{20,128}$/, 'a reset token'),
  password: z.string().min(Limits.passwordMin).max(Limits.passwordMax),
});
export type PasswordResetBody = z.infer<typeof passwordResetBody>;

/** PATCH /api/account: what the account's owner may change (at least one field). */
export const accountUpdateBody = z
  .strictObject({
    name: displayName(Limits.nameMax).optional(),
    /** the interface language, also that of the emails Accord sends the account */
    locale: z.enum(['en', 'es', 'pt', 'fr']).optional(),
    /** pick or create (by name, kind and country); null leaves the organisation */
    organisation: organisationInput.nullable().optional(),
  })
  .refine((body) => Object.keys(body).length > 0, 'change at least one field');
export type AccountUpdateBody = z.infer<typeof accountUpdateBody>;

/** POST /api/account/password */
export const passwordChangeBody = z.strictObject({
  currentPassword: z.string().min(1).max(Limits.passwordMax),
  newPassword: z.string().min(Limits.passwordMin).max(Limits.passwordMax),
});
export type PasswordChangeBody = z.infer<typeof passwordChangeBody>;

/**
 * POST /api/account/delete: the account is deleted for good; the current password confirms it
 * (the typed confirmation is the client's).
 */
export const accountDeleteBody = z.strictObject({
  currentPassword: z.string().min(1).max(Limits.passwordMax),
});
export type AccountDeleteBody = z.infer<typeof accountDeleteBody>;

/** 409 last_coordinator from POST /api/account/delete: the documents to hand over first. */
export interface LastCoordinatorDetails {
  documents: Array<{ id: string; title: string }>;
}

/** POST /api/account/email: a confirmation link goes to the new address. */
export const emailChangeBody = z.strictObject({
  newEmail: email,
  currentPassword: z.string().min(1).max(Limits.passwordMax),
});
export type EmailChangeBody = z.infer<typeof emailChangeBody>;

/** POST /api/account/email/confirm: the token of the link sent to the new address. */
export const emailConfirmBody = z.strictObject({
  token: z.string().regex(/^[A-Za-z0-9_-]{20,128}$/, 'a confirmation token'),
});
