/**
 * Work that must not hold up the frame a click is waiting for: the drawn stage and sound. A
 * click's answer (the client's line, the new choices) is DOM written in the click's own task;
 * what is queued here runs once that frame has been painted, in order, in one task.
 *
 * requestAnimationFrame fires just before a paint, and a task posted from it runs just after.
 * A hidden tab runs no frames: the timer makes sure the queue is still emptied.
 */
export type Schedule = (task: () => void) => void;

const LATEST_MS = 250;

export function afterNextPaint(task: () => void): void {
  let done = false;
  const run = () => {
    if (done) return;
    done = true;
    task();
  };
  if (typeof requestAnimationFrame === 'function') requestAnimationFrame(() => setTimeout(run, 0));
  setTimeout(run, LATEST_MS);
}

/** A queue emptied after the next paint: calls made in one click run together, in their order. */
export function paintQueue(schedule: Schedule = afterNextPaint): (call: () => void) => void {
  const calls: (() => void)[] = [];
  const flush = () => {
    for (const call of calls.splice(0)) {
      try {
        call();
      } catch (error) {
        // One failed drawing or sound must not take the others queued with it.
        console.error(error);
      }
    }
  };
  return (call) => {
    if (calls.push(call) === 1) schedule(flush);
  };
}
