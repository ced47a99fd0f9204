/**
 * Runs tasks one at a time. Every store here does read-modify-write (the file, the keychain index),
 * so two concurrent `set` calls must not interleave and drop each other's update.
 */
export const createSerialQueue = (): (<T>(task: () => Promise<T>) => Promise<T>) => {
  let tail: Promise<unknown> = Promise.resolve();
  return <T>(task: () => Promise<T>): Promise<T> => {
    const run = tail.then(task, task);
    tail = run.catch(() => undefined);
    return run;
  };
};
