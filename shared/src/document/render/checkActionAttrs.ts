import { ACTION_STATUSES } from '../actionStatuses.js';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function isIsoDate(value: string): boolean {
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return date.toISOString().startsWith(value);
}

/** Messages for action attributes that do not hold what the action node documents. */
export function checkActionAttrs(attrs: Record<string, unknown>): string[] {
  const errors: string[] = [];
  for (const key of ['leadOrganisations', 'partners']) {
    const v = attrs[key];
    if (v !== undefined && (!Array.isArray(v) || v.some((x) => typeof x !== 'string'))) {
      errors.push(`${key} must be a list of organisation names`);
    }
  }
  for (const key of ['startDate', 'endDate']) {
    const v = attrs[key];
    if (v !== undefined && v !== null && (typeof v !== 'string' || !isIsoDate(v))) {
      errors.push(`${key} must be an ISO date (YYYY-MM-DD)`);
    }
  }
  const { startDate, endDate, indicator, status } = attrs;
  if (typeof startDate === 'string' && typeof endDate === 'string' && startDate > endDate) {
    errors.push('endDate is before startDate');
  }
  if (indicator !== undefined && typeof indicator !== 'string') errors.push('indicator must be text');
  if (status !== undefined && !(ACTION_STATUSES as readonly unknown[]).includes(status)) {
    errors.push(`status must be one of ${ACTION_STATUSES.join(', ')}`);
  }
  return errors;
}
