export interface Collaborator {
  clientId: number;
  name: string;
  color: string;
  self: boolean;
}

/**
 * Who is here, from the awareness states: one entry per person however many tabs they have open
 * (the server adds the user id), ourselves first, then by name.
 */
export function collaboratorsOf(states: Map<number, unknown>, ownClientId: number): Collaborator[] {
  const byPerson = new Map<string, Collaborator>();
  for (const [clientId, awarenessState] of states) {
    const user = (awarenessState as { user?: { id?: unknown; name?: unknown; color?: unknown } }).user;
    if (!user || typeof user.name !== 'string') continue;
    const color = typeof user.color === 'string' ? user.color : '#4d5761';
    const self = clientId === ownClientId;
    const key = typeof user.id === 'string' ? user.id : `${user.name}\u0000${color}`;
    const existing = byPerson.get(key);
    if (!existing || self)
      byPerson.set(key, { clientId, name: user.name, color, self: self || !!existing?.self });
  }
  return [...byPerson.values()].sort(
    (a, b) => Number(b.self) - Number(a.self) || a.name.localeCompare(b.name),
  );
}

/** Whether two lists show the same people the same way. */
export function sameCollaborators(a: readonly Collaborator[], b: readonly Collaborator[]): boolean {
  return (
    a.length === b.length &&
    a.every((c, i) => c.name === b[i]!.name && c.color === b[i]!.color && c.self === b[i]!.self)
  );
}
