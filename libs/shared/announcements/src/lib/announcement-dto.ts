import { AnnouncementState } from './announcement-machine';
import { AnnouncementTiming } from './lead-times';

/** One post of an announcement to the buildings' groups: the first, a re-post, or a follow-up. */
export interface AnnouncementPostDto {
  id: string;
  revision: number;
  kind: 'post' | 'follow-up';
  text: string;
  postedAt: string;
  postedByName: string;
  /** Robot deliveries: sent, planned, failed … per building robot. */
  deliveries: { locationName: string; robotKind: string; status: string }[];
}

/** GET /api/projects/:id/announcements, GET /api/announcements/:id. */
export interface AnnouncementDto {
  id: string;
  version: number;
  projectId: string | null;
  taskId: string | null;
  taskTitle: string | null;
  incidentId: string | null;
  state: AnnouncementState;
  emergency: boolean;
  kinds: string[];
  startsAt: string;
  endsAt: string | null;
  locationIds: string[];
  /** Buildings and units, as the text names them. */
  placesText: string;
  households: number | null;
  reason: string;
  workers: string[];
  contacts: string[];
  /** The text to post (generated, or as edited). */
  text: string;
  edited: boolean;
  /** Draft revision: + 1 each time the text is generated again because the cut moved. */
  revision: number;
  /** The cut moved after residents were told: the new text must be approved and posted. */
  updateNeeded: boolean;
  approvedAt: string | null;
  approvedByName: string | null;
  postedAt: string | null;
  /** The deadline to post by (start − lead time); null for emergencies. */
  deadline: string | null;
  /** How the announcement stands with the lead time (planned work only). */
  timing: AnnouncementTiming | null;
  posts: AnnouncementPostDto[];
  createdAt: string;
  updatedAt: string;
}
