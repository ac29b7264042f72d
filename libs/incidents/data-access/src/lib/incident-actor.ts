import { IncidentActorKind } from '@worksite/shared-domain';

/** Who a timeline entry is attributed to. */
export interface IncidentActor {
  kind: IncidentActorKind;
  name: string;
  /** The user's or crew's id. */
  id: string | null;
}

export const SYSTEM_INCIDENT_ACTOR: IncidentActor = { kind: 'system', name: 'system', id: null };

export const userActor = (user: { id: string; name: string }): IncidentActor => ({
  kind: 'user',
  name: user.name,
  id: user.id,
});
