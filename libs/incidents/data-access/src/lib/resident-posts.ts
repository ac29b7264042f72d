/**
 * Injection token of the announcements service's IncidentResidentPosts (shared domain). Optional:
 * without a provider, incidents tell no residents by themselves (coordinators record posts by hand).
 */
export const INCIDENT_RESIDENT_POSTS = Symbol('INCIDENT_RESIDENT_POSTS');
