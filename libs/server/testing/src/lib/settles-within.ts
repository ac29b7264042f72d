/**
 * Whether `work` settles (resolves or rejects) within `ms`: a test's teardown bounds a shutdown
 * with it, goes on stopping the rest either way, and then fails when it did not, so a process that
 * never closes fails its suite instead of keeping the test run alive. No work counts as settled.
 */
export async function settlesWithin(work: Promise<unknown> | undefined, ms: number): Promise<boolean> {
  if (!work) return true;
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), ms)));
  try {
    return await Promise.race([
      work.then(
        () => true,
        () => true,
      ),
      late,
    ]);
  } finally {
    clearTimeout(timer);
  }
}
