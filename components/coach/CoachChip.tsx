// The in-page coach chip: score, customer state, top suggestions with reasons, rewrites for risky wording.
// Props in, callbacks out (no browser.*). It never takes focus from the composer: every control cancels
// mousedown, so clicking inserts without moving the caret; keyboard users can still Tab to the buttons.
import { type MouseEvent, memo, useId, useLayoutEffect, useRef, useState } from 'react';
import type { Suggestion } from '../../lib/empathy/types';
import type { SiteHealth } from '../../lib/sites/health';
import { HEALTH_STRINGS, type HealthStrings } from './health-strings';
import { type Box, placeChip } from './placement';
import { SiteHealthMenu } from './SiteHealthMenu';
import { COACH_STRINGS, type CoachStrings } from './strings';
import type { CoachModel, CoachRewrite } from './types';

export interface CoachChipProps {
  model: CoachModel;
  /** The composer's box in viewport coordinates. */
  anchor: Box;
  /** Boxes the chip must not cover (the composer's send buttons). */
  avoid: Box[];
  /** Boxes the chip covers only when nothing else fits (the latest customer message). */
  keepClear?: Box[];
  viewport: { width: number; height: number };
  theme: 'light' | 'dark';
  collapsed: boolean;
  onToggleCollapsed(): void;
  onClose(): void;
  onInsert(suggestion: Suggestion, index: number): void;
  onDismissSuggestion(suggestion: Suggestion): void;
  onApplyRewrite(rewrite: CoachRewrite): void;
  /** Highlights one rewrite's words in the overlay while hovered (null to clear). */
  onPreviewRewrite?(rewrite: CoachRewrite | null): void;
  /** Shown next to the first suggestions, e.g. "Alt+Shift+1". */
  shortcutLabel?: (index: number) => string;
  /** The chip's words in the browser's UI language; English when omitted. */
  strings?: CoachStrings;
  /** What the coach sees on this page, for the chip's menu; no menu without it. */
  health?: SiteHealth | null;
  healthStrings?: HealthStrings;
  /** Copies the diagnostic report (no message or draft text); resolves to whether it worked. */
  onCopyDiagnostics?(): Promise<boolean>;
  /** The phrase the editor just refused to take (null: none); the chip says so and offers to copy it. */
  failedPhrase?: string | null;
  /** Copies the refused phrase; resolves to whether it worked. No copy button without it. */
  onCopyPhrase?(text: string): Promise<boolean>;
}

const keepFocus = (e: MouseEvent) => e.preventDefault();

function scoreBand(score: number): 'low' | 'mid' | 'high' {
  return score < 40 ? 'low' : score < 70 ? 'mid' : 'high';
}

export function CoachChip(props: CoachChipProps) {
  const { model, collapsed } = props;
  const t = props.strings ?? COACH_STRINGS.en;
  const ref = useRef<HTMLElement>(null);
  const [size, setSize] = useState({ width: 320, height: 48 });
  const [menuOpen, setMenuOpen] = useState(false);
  // The notice that a helpdesk's page changed under its adapter is shown once: until read or the menu opens.
  const [noticeRead, setNoticeRead] = useState(false);
  const ht = props.healthStrings ?? HEALTH_STRINGS[t.lang] ?? HEALTH_STRINGS.en;
  const health = props.health ?? null;
  const showNotice = Boolean(health?.fellBackFrom) && !noticeRead && !menuOpen;
  const headingId = useId();
  const customer = model.audience === 'customer';

  // The chip's own size places it. A ResizeObserver reports it after the browser's layout, so a keystroke's
  // render doesn't force a synchronous layout of the host page (reading offsetWidth after every render did,
  // in the middle of the editor's own keystroke handling). Only a size change re-renders.
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el || typeof ResizeObserver !== 'function') return;
    const observer = new ResizeObserver(([entry]) => {
      const border = entry?.borderBoxSize?.[0];
      const width = Math.round(border?.inlineSize ?? el.offsetWidth);
      const height = Math.round(border?.blockSize ?? el.offsetHeight);
      setSize((prev) => (prev.width === width && prev.height === height ? prev : { width, height }));
    });
    observer.observe(el, { box: 'border-box' });
    return () => observer.disconnect();
  }, []);
  // Without ResizeObserver (jsdom has none), measure after each render instead.
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el || typeof ResizeObserver === 'function') return;
    const { offsetWidth: width, offsetHeight: height } = el;
    if (width !== size.width || height !== size.height) setSize({ width, height });
  });

  const place = placeChip(props.anchor, size, props.avoid, props.viewport, props.keepClear);
  const band = scoreBand(model.score);

  return (
    <aside
      ref={ref}
      className="attune-chip"
      data-theme={props.theme}
      data-collapsed={collapsed ? 'true' : 'false'}
      data-side={place.side}
      data-audience={model.audience}
      style={{ left: place.left, top: place.top }}
      aria-labelledby={headingId}
      lang={t.lang}
      onMouseDown={keepFocus}
    >
      <div className="attune-chip__bar">
        <span id={headingId} className="attune-sr">
          {t.coach}
        </span>
        {customer ? (
          <output
            className="attune-score"
            data-band={band}
            data-testid="attune-score"
            aria-label={t.scoreLabel(model.score)}
            title={t.scoreTitle}
          >
            {model.score}
          </output>
        ) : (
          <span className="attune-badge" title={t.noteTitle}>
            {t.noteBadge}
          </span>
        )}
        <span className="attune-emotion" data-testid="attune-emotion" data-emotion={model.emotion}>
          <span className="attune-emotion__dot" aria-hidden="true" />
          <span className="attune-emotion__text">{model.customerState}</span>
        </span>
        {health && (
          <button
            type="button"
            className="attune-icon"
            data-testid="attune-menu"
            aria-expanded={menuOpen}
            aria-label={ht.menuLabel}
            title={ht.menuTitle}
            onMouseDown={keepFocus}
            onClick={() => {
              setMenuOpen((open) => !open);
              setNoticeRead(true);
            }}
          >
            ⋯
          </button>
        )}
        <button
          type="button"
          className="attune-icon"
          aria-expanded={!collapsed}
          aria-label={collapsed ? t.expandLabel : t.collapseLabel}
          title={collapsed ? t.expand : t.collapse}
          onMouseDown={keepFocus}
          onClick={props.onToggleCollapsed}
        >
          {collapsed ? '▴' : '▾'}
        </button>
        <button
          type="button"
          className="attune-icon"
          aria-label={t.closeLabel}
          title={t.close}
          onMouseDown={keepFocus}
          onClick={props.onClose}
        >
          ×
        </button>
      </div>
      {health && menuOpen && (
        <div className="attune-chip__body">
          <SiteHealthMenu health={health} strings={ht} onCopyDiagnostics={props.onCopyDiagnostics} />
        </div>
      )}
      {health?.fellBackFrom && showNotice && (
        <div className="attune-chip__body">
          <p className="attune-reason" role="status" data-testid="attune-site-notice">
            {ht.fellBack(health.fellBackFrom.name)}{' '}
            <button
              type="button"
              className="attune-rewrite"
              onMouseDown={keepFocus}
              onClick={() => setNoticeRead(true)}
            >
              {ht.noticeDismiss}
            </button>
          </p>
        </div>
      )}
      {props.failedPhrase != null && (
        <InsertFailure key={props.failedPhrase} phrase={props.failedPhrase} strings={t} onCopy={props.onCopyPhrase} />
      )}
      {!collapsed && !menuOpen && (
        <ChipAdvice
          model={model}
          strings={t}
          headingId={headingId}
          shortcutLabel={props.shortcutLabel}
          onInsert={props.onInsert}
          onDismissSuggestion={props.onDismissSuggestion}
          onApplyRewrite={props.onApplyRewrite}
          onPreviewRewrite={props.onPreviewRewrite}
        />
      )}
    </aside>
  );
}

type AdviceProps = Pick<
  CoachChipProps,
  'model' | 'shortcutLabel' | 'onInsert' | 'onDismissSuggestion' | 'onApplyRewrite' | 'onPreviewRewrite'
> & { strings: CoachStrings; headingId: string };

/**
 * The suggestions, rewrites and readability: most of the chip. Memoised: a keystroke that leaves the advice
 * as it was (lib/coach/chip.ts keeps the same model object then) re-renders only the chip's frame, not this.
 */
const ChipAdvice = memo(function ChipAdvice(props: AdviceProps) {
  const { model, headingId } = props;
  const t = props.strings;
  const customer = model.audience === 'customer';
  return (
    <div className="attune-chip__body">
      {customer && model.suggestions.length > 0 && (
        <ol className="attune-list" aria-label={t.suggestionsLabel}>
          {model.suggestions.map((s, i) => (
            <li key={s.id} className="attune-item">
              <button
                type="button"
                className="attune-suggestion"
                data-testid="attune-suggestion"
                data-suggestion-id={s.id}
                data-kind={s.kind}
                lang={model.lang}
                aria-describedby={`${headingId}-r${i}`}
                onMouseDown={keepFocus}
                onClick={() => props.onInsert(s, i)}
              >
                {s.text}
              </button>
              <span id={`${headingId}-r${i}`} className="attune-reason">
                {s.reason}
                {props.shortcutLabel && <kbd className="attune-kbd">{props.shortcutLabel(i)}</kbd>}
              </span>
              <button
                type="button"
                className="attune-icon attune-icon--small"
                aria-label={t.hideLabel(s.text)}
                title={t.notNow}
                onMouseDown={keepFocus}
                onClick={() => props.onDismissSuggestion(s)}
              >
                ×
              </button>
            </li>
          ))}
        </ol>
      )}
      {model.rewrites.length > 0 && (
        <ul className="attune-list" aria-label={t.rewritesLabel}>
          {model.rewrites.map((r) => (
            <li
              key={r.id}
              className="attune-item attune-item--rewrite"
              onMouseEnter={() => props.onPreviewRewrite?.(r)}
              onMouseLeave={() => props.onPreviewRewrite?.(null)}
            >
              <span className="attune-rewrite__from" data-risk={r.risk}>
                {r.original}
              </span>
              <button
                type="button"
                className="attune-rewrite"
                data-testid="attune-rewrite"
                data-rewrite-id={r.id}
                lang={model.lang}
                aria-label={t.replaceLabel(r.original, r.replacement)}
                onMouseDown={keepFocus}
                onFocus={() => props.onPreviewRewrite?.(r)}
                onBlur={() => props.onPreviewRewrite?.(null)}
                onClick={() => props.onApplyRewrite(r)}
              >
                {r.replacement}
              </button>
              <span className="attune-reason">{r.reason}</span>
            </li>
          ))}
        </ul>
      )}
      {model.readability && (
        <p className="attune-readability">
          {model.readability.label}
          {model.readability.longSentences > 0 && ` · ${t.longSentences(model.readability.longSentences)}`}
        </p>
      )}
    </div>
  );
});

/** Said when the editor refused an insertion: the draft is unchanged, and the phrase can be copied instead. */
function InsertFailure(props: { phrase: string; strings: CoachStrings; onCopy?(text: string): Promise<boolean> }) {
  const [copied, setCopied] = useState(false);
  const { onCopy, phrase, strings: t } = props;
  return (
    <div className="attune-chip__body">
      <p className="attune-reason" role="status" data-testid="attune-insert-failure">
        {t.insertFailed}{' '}
        {onCopy && (
          <button
            type="button"
            className="attune-rewrite"
            data-testid="attune-copy-phrase"
            onMouseDown={keepFocus}
            onClick={() => void onCopy(phrase).then(setCopied)}
          >
            {copied ? t.copied : t.copyPhrase}
          </button>
        )}
      </p>
    </div>
  );
}
