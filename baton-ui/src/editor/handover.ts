// What the editor of a workflow just created (by a first save or a seed import) picks up once the route has
// changed to the new id and the editor was mounted again: the message to show and the dialog to open.
import type { Tone } from '../ui/Notice';

export interface Message {
  tone: Tone;
  text: string;
}

export interface Handover {
  message?: Message;
  dialog?: 'run';
}

const pending = new Map<string, Handover>();

export const handOver = (workflowId: string, next: Handover): void => void pending.set(workflowId, next);

/** The handover waiting for this workflow's editor, left in place until {@link dropHandover}. */
export const peekHandover = (workflowId: string | null): Handover =>
  (workflowId !== null && pending.get(workflowId)) || {};

export const dropHandover = (workflowId: string | null): void => void (workflowId !== null && pending.delete(workflowId));
