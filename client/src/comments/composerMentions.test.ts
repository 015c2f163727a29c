import { describe, expect, it } from 'vitest';
import {
  bodyToComposerText,
  chooseMention,
  composerTextToBody,
  mentionSpans,
  mentionToDelete,
} from './composerMentions';

const BEA = { name: 'Bea Mensah', id: 'b'.repeat(24) };
const BEATRIZ = { name: 'Bea Mensah Silva', id: 'c'.repeat(24) };

describe('mentions in the comment composer', () => {
  it('shows names, stores ids: a body round-trips through the composer', () => {
    const body = `Ask @[Bea Mensah](${BEA.id}) and @[Bea Mensah Silva](${BEATRIZ.id}), then @[Bea Mensah](${BEA.id}).`;
    const { text, mentions } = bodyToComposerText(body);
    expect(text).toBe('Ask @Bea Mensah and @Bea Mensah Silva, then @Bea Mensah.');
    expect(text).not.toContain(BEA.id);
    expect(mentions).toEqual([BEA, BEATRIZ]);
    expect(composerTextToBody(text, mentions)).toBe(body);
  });

  it('keeps as text a name no longer whole, or typed without choosing anyone', () => {
    expect(composerTextToBody('@Bea Mensahs and @Bea Mensah', [BEA])).toBe(
      `@Bea Mensahs and @[Bea Mensah](${BEA.id})`,
    );
    expect(composerTextToBody('@Bea Mensah', [])).toBe('@Bea Mensah');
    expect(composerTextToBody('mail@Bea Mensah', [BEA])).toBe('mail@Bea Mensah');
  });

  it('prefers the longer name where two overlap', () => {
    const spans = mentionSpans('@Bea Mensah Silva', [BEA, BEATRIZ]);
    expect(spans.map((s) => s.mention)).toEqual([BEATRIZ]);
  });

  it('deletes a mention as one piece', () => {
    const spans = mentionSpans('Hi @Bea Mensah ok', [BEA]);
    expect(mentionToDelete(spans, 14, 'Backspace')).toMatchObject({ start: 3, end: 14 });
    expect(mentionToDelete(spans, 15, 'Backspace')).toBeNull();
    expect(mentionToDelete(spans, 3, 'Delete')).toMatchObject({ start: 3, end: 14 });
    expect(mentionToDelete(spans, 3, 'Backspace')).toBeNull();
  });

  it('cleans a chosen name as the markup needs it', () => {
    expect(chooseMention({ name: 'A]B\nC', id: BEA.id })).toEqual({ name: 'A B C', id: BEA.id });
  });
});
