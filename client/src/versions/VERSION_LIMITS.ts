/** Lengths the server accepts (shared/src/schemas/versions.ts: versionName, note). */
export const VERSION_LIMITS = { nameMax: 200, noteMax: 2000 } as const;
