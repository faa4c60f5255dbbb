/** The person's own pending steps (GET /v1/tasks), read to the end of the list: what the figures and lists of tasks are made of. */
import { useEffect, useState } from 'react';
import type { Api } from './api/client';
import type { Task } from './drafts';
import { showError } from './errors';

const MAX_PAGES = 20;

export async function allTasks(api: Api): Promise<{ tasks: Task[]; complete: boolean } | { error: string }> {
  const tasks: Task[] = [];
  let cursor: string | undefined;
  for (let i = 0; i < MAX_PAGES; i++) {
    const r = await api.GET('/v1/tasks', { params: { query: { limit: 200, ...(cursor ? { cursor } : {}) } } });
    if (!r.data) return { error: showError(r.response.status, r.error).summary };
    tasks.push(...r.data.items);
    if (!r.data.nextCursor) return { tasks, complete: true };
    cursor = r.data.nextCursor;
  }
  return { tasks, complete: false };
}

export function useTasks(api: Api, tick = 0): { tasks: Task[] | null; complete: boolean; error: string | null } {
  const [state, setState] = useState<{ tasks: Task[] | null; complete: boolean; error: string | null }>({ tasks: null, complete: true, error: null });
  useEffect(() => {
    let live = true;
    allTasks(api)
      .then((r) => live && setState('error' in r ? { tasks: null, complete: true, error: r.error } : { tasks: r.tasks, complete: r.complete, error: null }))
      .catch(() => live && setState({ tasks: null, complete: true, error: 'Không kết nối được với máy chủ; hãy thử lại.' }));
    return () => {
      live = false;
    };
  }, [api, tick]);
  return state;
}
