export interface AfterPaintHost {
  /** requestAnimationFrame: runs just before the frame's style, layout and paint */
  requestFrame(callback: () => void): void;
  /** queues a task: from a frame callback, it runs once that frame has been painted */
  postTask(callback: () => void): void;
}

export type AfterNextPaint = (callback: () => void) => () => void;

/**
 * A scheduler for work that must not delay the frame showing a keystroke: callbacks run in one
 * task queued from the next animation frame callback, i.e. after that frame's paint. Everything
 * scheduled before the same frame runs together, in scheduling order; a callback scheduled while
 * the batch runs waits for the following frame. Answers a function that cancels the callback.
 */
export function createAfterNextPaint(host: AfterPaintHost): AfterNextPaint {
  let queue = new Set<{ run: () => void }>();
  let requested = false;
  const runBatch = () => {
    const batch = queue;
    queue = new Set();
    requested = false;
    for (const entry of batch) {
      try {
        entry.run();
      } catch (error) {
        // one failing callback must not starve the others; report it like an uncaught error
        host.postTask(() => {
          throw error;
        });
      }
    }
  };
  return (callback) => {
    const entry = { run: callback };
    queue.add(entry);
    if (!requested) {
      requested = true;
      host.requestFrame(() => host.postTask(runBatch));
    }
    return () => {
      queue.delete(entry);
    };
  };
}

function browserHost(): AfterPaintHost {
  const channel = new MessageChannel();
  const tasks: (() => void)[] = [];
  channel.port1.onmessage = () => tasks.shift()?.();
  return {
    requestFrame: (callback) => requestAnimationFrame(() => callback()),
    // a message task, not setTimeout(0): timers are clamped when nested and may wait behind others
    postTask: (callback) => {
      tasks.push(callback);
      channel.port2.postMessage(null);
    },
  };
}

let shared: AfterNextPaint | null = null;

/**
 * Runs `callback` after the next frame has been painted (see createAfterNextPaint): the place for
 * what follows an edit but is not the edited text itself — toolbar state, outline, the comment
 * button's position, the saved indicator. Answers a function that cancels it.
 */
export function afterNextPaint(callback: () => void): () => void {
  shared ??= createAfterNextPaint(browserHost());
  return shared(callback);
}

/**
 * Work deferred past the current keystroke: after the next paint, or after a delay (timers also
 * run in a hidden tab, where frames stop). Code that defers takes one of these, so that its tests
 * can run the frames and timers themselves.
 */
export interface Scheduler {
  /** runs the callback once the next frame has been painted; answers a canceller */
  afterPaint(callback: () => void): () => void;
  /** runs the callback after `ms`; answers a canceller */
  delay(callback: () => void, ms: number): () => void;
}

/** The browser's scheduler: afterNextPaint and window timers. */
export const browserScheduler: Scheduler = {
  afterPaint: afterNextPaint,
  delay(callback, ms) {
    const timer = window.setTimeout(callback, ms);
    return () => window.clearTimeout(timer);
  },
};
