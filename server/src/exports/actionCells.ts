import type { ActionFields, ActionStatus } from '@accord/shared';
import type { ExportLabels } from './exportLabels.js';

/** The cells of an action's row after its own (number, heading, description) one. */
export interface ActionCells {
  lead: string;
  partners: string;
  dates: string;
  indicator: string;
  status: string;
}

/**
 * An action's fields as the text of its table row. Dates stay ISO (YYYY-MM-DD) in every
 * language: a table read across countries must not be ambiguous about 03/04. An unknown status
 * (reported in the rendering's problems) is shown as stored rather than hidden.
 */
export function actionCells(fields: ActionFields | undefined, labels: ExportLabels): ActionCells {
  const f = fields ?? {
    leadOrganisations: [],
    partners: [],
    startDate: null,
    endDate: null,
    indicator: '',
    status: '',
  };
  const dates = f.startDate || f.endDate ? `${f.startDate ?? '…'} – ${f.endDate ?? '…'}` : '';
  return {
    lead: f.leadOrganisations.join(', '),
    partners: f.partners.join(', '),
    dates,
    indicator: f.indicator,
    status: Object.hasOwn(labels.statuses, f.status) ? labels.statuses[f.status as ActionStatus] : f.status,
  };
}
