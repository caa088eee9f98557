import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';

export type NoticeTone = 'ok' | 'info' | 'error';

interface NoticeProps {
  tone: NoticeTone;
  heading?: string;
  children: ComponentChildren;
  /** Move focus here when shown, so a keyboard or screen reader user lands on the result. */
  focus?: boolean;
  testId?: string;
}

/**
 * The result of an action. Errors are alerts, the rest polite status; the
 * box takes focus (tabindex -1) so the reader hears it and Tab goes on from it.
 */
export function Notice({ tone, heading, children, focus = true, testId }: NoticeProps) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (focus) ref.current?.focus();
  }, [focus]);
  return (
    <div
      ref={ref}
      class={`notice notice-${tone}`}
      role={tone === 'error' ? 'alert' : 'status'}
      tabIndex={-1}
      data-testid={testId}
    >
      {heading ? <p class="notice-heading">{heading}</p> : null}
      {children}
    </div>
  );
}

/** What an action came to, in words: `ok` for done, otherwise why not. */
export interface Outcome {
  ok: boolean;
  text: string;
}

/** An action's outcome as a Notice (ok, or an error alert); nothing before there is one. */
export function OutcomeNotice({ outcome, testId }: { outcome: Outcome | null; testId: string }) {
  if (!outcome) return null;
  return (
    <Notice tone={outcome.ok ? 'ok' : 'error'} testId={testId}>
      <p>{outcome.text}</p>
    </Notice>
  );
}
