// An "ask my lead about this" request (`GET /api/v1/me/requests`). Local ids start with `local:` until synced.
import type { HubRequest } from '../contract/schemas';

export type LeadRequest = HubRequest;

export const LOCAL_ID_PREFIX = 'local:';
