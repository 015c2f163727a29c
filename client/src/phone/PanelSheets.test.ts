import { describe, expect, it } from 'vitest';
import { PanelSheets, type SheetEvent } from './PanelSheets';

describe('PanelSheets', () => {
  it('keeps at most one sheet open, with an event for each change', () => {
    const sheets = new PanelSheets();
    const events: SheetEvent[] = [];
    let changes = 0;
    sheets.on('opened', (event) => events.push(event));
    sheets.on('closed', (event) => events.push(event));
    sheets.subscribe(() => changes++);

    sheets.open('outline');
    sheets.open('outline');
    sheets.open('comments');
    expect(sheets.getSnapshot()).toBe('comments');
    sheets.toggle('comments');
    expect(sheets.getSnapshot()).toBeNull();
    sheets.close();
    sheets.toggle('members');

    expect(events).toEqual([
      { type: 'opened', sheet: 'outline' },
      { type: 'closed', sheet: 'outline' },
      { type: 'opened', sheet: 'comments' },
      { type: 'closed', sheet: 'comments' },
      { type: 'opened', sheet: 'members' },
    ]);
    expect(changes).toBe(5);
  });

  it('stops calling a listener once it is removed', () => {
    const sheets = new PanelSheets();
    const seen: string[] = [];
    const off = sheets.on('opened', (event) => seen.push(event.sheet));
    const unsubscribe = sheets.subscribe(() => seen.push('change'));
    sheets.open('outline');
    off();
    unsubscribe();
    sheets.open('members');
    expect(seen).toEqual(['outline', 'change']);
  });
});
