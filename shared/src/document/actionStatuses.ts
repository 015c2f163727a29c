/** Status of an action in an action plan (attribute `status` of the `action` node). */
export const ACTION_STATUSES = ['planned', 'in_progress', 'done', 'blocked'] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];
