// An "ask my lead about this" request (`GET /api/v1/me/requests`). Local ids start with `local:` until synced.
export interface LeadRequest {
  id: string;
  feedbackId: string;
  question: string;
  answer: string | null;
  createdAt: string;
  answeredAt: string | null;
}

export const LOCAL_ID_PREFIX = 'local:';
