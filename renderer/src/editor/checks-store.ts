// The latest check of the chapter being edited (values and errors of its bindings), shared with the
// chips the editor draws. A tiny external store, so node views need no React context.
import { useSyncExternalStore } from 'react';

// the API's own types (type-only: nothing of main/ enters the bundle)
import type { ChapterCheck, OutputCheck } from '../../../main/compose/bindings.ts';
import type { Both } from '../../../main/compose/catalog.ts';

export type { Both, ChapterCheck, OutputCheck };

let current = new Map<string, OutputCheck>();
let conditions = new Map<string, boolean>();
let pending = false;
const listeners = new Set<() => void>();

export function setChecks(check: ChapterCheck | null, stillTyping = false): void {
  if (check) {
    current = new Map(check.outputs.map((o) => [o.src, o]));
    conditions = new Map((check.conditions ?? []).map((c) => [c.src, c.holds]));
  }
  pending = stillTyping;
  for (const l of listeners) l();
}

export function markPending(): void {
  pending = true;
  for (const l of listeners) l();
}

/** Whether each branch condition ({% if … %} by its code) holds on the plan's data, as last checked. */
export function currentConditions(): ReadonlyMap<string, boolean> {
  return conditions;
}

export function subscribe(l: () => void): () => void {
  listeners.add(l);
  return () => { listeners.delete(l); };
}

/** The check of one binding's code; undefined while it has not been checked yet. */
export function useOutputCheck(src: string): OutputCheck | undefined {
  return useSyncExternalStore(subscribe, () => current.get(src));
}

export function usePending(): boolean {
  return useSyncExternalStore(subscribe, () => pending);
}
