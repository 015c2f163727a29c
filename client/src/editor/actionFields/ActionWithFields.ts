import { Action } from '@accord/shared';
import { ActionFieldsView } from './ActionFieldsView';

/**
 * The action node of the shared schema (same name, attributes and content: nothing changes in
 * what is stored), shown with its fields: lead organisations, partners, timeline, indicator,
 * status — editable by drafters, plain text for everyone else.
 */
export const ActionWithFields = Action.extend({
  addNodeView() {
    return (props) => new ActionFieldsView(props);
  },
});
