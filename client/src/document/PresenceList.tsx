import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { Collaborator } from '../collab/CollabSession';

/** Who has the document open right now, as awareness (i.e. the server) names them. */
export function PresenceList({ collaborators }: { collaborators: Collaborator[] }) {
  const { t } = useTranslation();
  const id = useId();
  const others = collaborators.filter((person) => !person.self);
  return (
    <section className="panel" aria-labelledby={id}>
      <h2 id={id} className="panel__title">
        {t('presence.title')}{' '}
        <span className="panel__count">({t('presence.count', { count: collaborators.length })})</span>
      </h2>
      <ul className="presence-list" aria-live="polite" data-testid="presence-list">
        {collaborators.map((person) => (
          <li key={person.clientId} className="presence-list__person">
            <span className="avatar" style={{ backgroundColor: person.color }} aria-hidden="true">
              {initials(person.name)}
            </span>
            <span>{person.self ? t('presence.you', { name: person.name }) : person.name}</span>
          </li>
        ))}
      </ul>
      {others.length === 0 && <p className="hint">{t('presence.nobodyElse')}</p>}
    </section>
  );
}

function initials(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  const letters = parts.length > 1 ? [parts[0]!, parts[parts.length - 1]!] : parts.slice(0, 1);
  return letters.map((part) => [...part][0]!.toUpperCase()).join('') || '?';
}
