// Work in flight: every API call counts; the indicator shows only after 300 ms, so quick edits
// never flash it. Long work that knows its progress (export, import) reports a 0-1 fraction.
type Listener = (s: BusyState) => void;

export interface BusyState {
  /** the method of the oldest call still running, once it has run for more than 300 ms */
  method: string | null;
  /** 0-1 when the work reports its progress */
  fraction: number | null;
  since: number;
}

const SHOW_AFTER_MS = 300;
const running = new Map<number, { method: string; start: number }>();
const listeners = new Set<Listener>();
let next = 1;
let state: BusyState = { method: null, fraction: null, since: 0 };
let timer: ReturnType<typeof setTimeout> | null = null;
let progress: number | null = null;

function emit() {
  const now = Date.now();
  const oldest = [...running.values()].sort((a, b) => a.start - b.start)[0];
  const shown = oldest && now - oldest.start >= SHOW_AFTER_MS ? oldest : null;
  state = { method: shown?.method ?? null, fraction: shown ? progress : null, since: shown?.start ?? 0 };
  for (const l of listeners) l(state);
  if (timer) clearTimeout(timer);
  timer = null;
  if (oldest && !shown) timer = setTimeout(emit, SHOW_AFTER_MS - (now - oldest.start) + 5);
}

/** Marks a call as running; returns the function that ends it. */
export function begin(method: string): () => void {
  const id = next++;
  running.set(id, { method, start: Date.now() });
  emit();
  return () => {
    running.delete(id);
    if (running.size === 0) progress = null;
    emit();
  };
}

export function reportProgress(fraction: number | null): void {
  progress = fraction;
  emit();
}

export function subscribe(l: Listener): () => void {
  listeners.add(l);
  l(state);
  return () => listeners.delete(l);
}

/** Ignores calls that poll in the background (they would keep the indicator on). */
export const QUIET = new Set(['export.status', 'adopt.status', 'import.status', 'app.info']);
