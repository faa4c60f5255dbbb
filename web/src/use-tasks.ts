/**
 * The person's own pending work (GET /v1/tasks), read to the end of the list: the drafts' steps
 * (what the figures and lists of tasks are made of) and, apart, their open assignments (giao việc).
 */
import { useEffect, useState } from 'react';
import type { Api } from './api/client';
import type { Task } from './drafts';
import type { AssignmentTask } from './assignments';
import { showError } from './errors';

const MAX_PAGES = 20;

export async function allWork(api: Api): Promise<{ tasks: Task[]; assignments: AssignmentTask[]; complete: boolean } | { error: string }> {
  const tasks: Task[] = [];
  const assignments: AssignmentTask[] = [];
  let cursor: string | undefined;
  for (let i = 0; i < MAX_PAGES; i++) {
    const r = await api.GET('/v1/tasks', { params: { query: { limit: 200, ...(cursor ? { cursor } : {}) } } });
    if (!r.data) return { error: showError(r.response.status, r.error).summary };
    for (const item of r.data.items) {
      if (item.source === 'draft') tasks.push(item);
      else assignments.push(item);
    }
    if (!r.data.nextCursor) return { tasks, assignments, complete: true };
    cursor = r.data.nextCursor;
  }
  return { tasks, assignments, complete: false };
}

/** The drafts' steps of the person. */
export async function allTasks(api: Api): Promise<{ tasks: Task[]; complete: boolean } | { error: string }> {
  const r = await allWork(api);
  return 'error' in r ? r : { tasks: r.tasks, complete: r.complete };
}

type WorkState = { tasks: Task[] | null; assignments: AssignmentTask[] | null; complete: boolean; error: string | null };

export function useTasks(api: Api, tick = 0): WorkState {
  const [state, setState] = useState<WorkState>({ tasks: null, assignments: null, complete: true, error: null });
  useEffect(() => {
    let live = true;
    allWork(api)
      .then((r) => live && setState('error' in r ? { tasks: null, assignments: null, complete: true, error: r.error } : { tasks: r.tasks, assignments: r.assignments, complete: r.complete, error: null }))
      .catch(() => live && setState({ tasks: null, assignments: null, complete: true, error: 'Không kết nối được với máy chủ; hãy thử lại.' }));
    return () => {
      live = false;
    };
  }, [api, tick]);
  return state;
}
