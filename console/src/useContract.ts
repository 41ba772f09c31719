/** The merchant's current contract: the newest one (GET /v1/contracts, then GET /v1/contracts/:id). */
import { api, must } from './api/client';

export async function loadCurrentContract() {
  const list = await must(api.GET('/v1/contracts', { params: { query: { limit: 1 } } }));
  const first = list.data[0];
  if (!first) return null;
  return must(api.GET('/v1/contracts/{id}', { params: { path: { id: first.id } } }));
}
