/**
 * A list paged by the server (api.md: `limit` and an opaque `cursor`): page n is read with the
 * cursor page n − 1 answered, so the pages already seen can be opened again and the next one once
 * its cursor is known. `key` changes (a filter) start again at the first page.
 */
import { useEffect, useState } from 'react';

export interface CursorPages<T> {
  items: T[];
  loading: boolean;
  error: string | null;
  /** 1-based. */
  page: number;
  /** Pages whose cursor is known. */
  pagesCount: number;
  /** A page after the last known one exists. */
  openEnd: boolean;
  goTo(page: number): void;
  /** Reads the page shown again (the pages already known keep their cursors). */
  reload(): void;
}

export function useCursorPages<T>(load: (cursor: string | undefined) => Promise<{ items: T[]; nextCursor: string | null } | { error: string }>, key: string): CursorPages<T> {
  const [state, setState] = useState({ key, cursors: [undefined] as (string | undefined)[], page: 1 });
  const [reads, setReads] = useState(0);
  const [answer, setAnswer] = useState<{ items: T[]; nextCursor: string | null; error: string | null; loading: boolean }>({ items: [], nextCursor: null, error: null, loading: true });
  // A new key (filter) starts again at the first page, in the same render.
  const current = state.key === key ? state : { key, cursors: [undefined], page: 1 };
  if (current !== state) setState(current);
  const cursor = current.cursors[current.page - 1];

  useEffect(() => {
    let live = true;
    setAnswer((a) => ({ ...a, loading: true, error: null }));
    load(cursor)
      .then((r) => {
        if (!live) return;
        if ('error' in r) return setAnswer({ items: [], nextCursor: null, error: r.error, loading: false });
        setAnswer({ items: r.items, nextCursor: r.nextCursor, error: null, loading: false });
        // The next page's cursor becomes known when this page arrives.
        if (r.nextCursor) setState((s) => (s.key === key && s.cursors.length === s.page ? { ...s, cursors: [...s.cursors, r.nextCursor!] } : s));
      })
      .catch(() => live && setAnswer({ items: [], nextCursor: null, error: 'Không kết nối được với máy chủ; hãy thử lại.', loading: false }));
    return () => {
      live = false;
    };
    // `load` is made anew each render; the key and the cursor say what it reads.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, cursor, reads]);

  return {
    items: answer.items,
    loading: answer.loading,
    error: answer.error,
    page: current.page,
    pagesCount: current.cursors.length,
    openEnd: Boolean(answer.nextCursor),
    goTo: (n) => setState((s) => (n >= 1 && n <= s.cursors.length ? { ...s, page: n } : s)),
    reload: () => setReads((n) => n + 1),
  };
}
