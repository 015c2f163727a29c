import { useTranslation } from 'react-i18next';
import type { Role } from '@accord/shared';

export function RoleBadge({ role }: { role: Role }) {
  const { t } = useTranslation();
  return <span className={`badge badge--${role}`}>{t(`roles.${role}`)}</span>;
}
