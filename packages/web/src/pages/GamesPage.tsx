/**
 * Games: upload or paste a Gambit file (.efg/.nfg), see the tree or the matrix, solve with any
 * method in the engine worker, download the equilibria (JSON, CSV) and the picture (SVG, PNG).
 */
import { useEffect, useMemo, useRef, useState, type ChangeEvent } from 'react';
import { useEngineText, useI18n } from '../i18n/context';
import { Card, ErrorBox, ProgressBar } from '../components/common';
import { GameTree } from '../components/GameTree';
import { PayoffMatrix } from '../components/PayoffMatrix';
import { exampleGames } from '../lib/examples';
import { runInWorker, runInWorkerTimed } from '../worker/client';
import type { ParsedGame, PlainSolveResult } from '../worker/games';
import { downloadBlob, downloadText, svgText, svgToPng, toCsv } from '../lib/download';

type SolveMethod = ParsedGame['defaultMethod'];

/** The format a text is in, from its first characters (Gambit headers or JSON). */
export function formatOf(text: string): 'nfg' | 'efg' | 'json' | null {
  const head = text.trimStart().slice(0, 3).toUpperCase();
  if (head === 'NFG') return 'nfg';
  if (head === 'EFG') return 'efg';
  if (head.startsWith('{')) return 'json';
  return null;
}

/** The name errors use for a text: the file's own name while it matches the format, else `pasted.<format>`. */
export function nameFor(text: string, current: string): string {
  const format = formatOf(text);
  if (!format || current.toLowerCase().endsWith(`.${format}`)) return current;
  return `pasted.${format}`;
}

function strategyLabels(game: ParsedGame['game']): string[][] {
  if (game.kind === 'nfg') return game.strategies;
  return game.players.map((_, p) => game.infosets.filter((s) => s.player === p).flatMap((s) => s.actions.map((a) => `${s.label || `#${s.number}`}:${a}`)));
}

export default function GamesPage() {
  const { t } = useI18n();
  const et = useEngineText();
  const [text, setText] = useState(exampleGames[0]!.text);
  const [fileName, setFileName] = useState(exampleGames[0]!.fileName);
  const [parsed, setParsed] = useState<ParsedGame | null>(null);
  const [parseError, setParseError] = useState<unknown>(null);
  const [method, setMethod] = useState<SolveMethod | ''>('');
  const [result, setResult] = useState<PlainSolveResult | null>(null);
  const [solveError, setSolveError] = useState<unknown>(null);
  const [running, setRunning] = useState<AbortController | null>(null);
  const [selected, setSelected] = useState(0);
  const [ms, setMs] = useState<number | null>(null);
  const svgRef = useRef<SVGSVGElement>(null);
  const freshGame = useRef(true);
  const loadGame = (nextText: string, nextName: string) => {
    freshGame.current = true;
    setFileName(nextName);
    setText(nextText);
  };

  // Parse as the text changes (in the worker), so errors show at once with their place.
  useEffect(() => {
    let live = true;
    const timer = setTimeout(() => {
      runInWorker('games.parse', { text, fileName }).then(
        (p) => {
          if (!live) return;
          setParsed(p);
          setParseError(null);
          // A new game (loaded, pasted, another example) starts on its default method.
          setMethod((m) => (!freshGame.current && m && p.methods.includes(m) ? m : p.defaultMethod));
          freshGame.current = false;
        },
        (e: unknown) => {
          if (!live) return;
          setParsed(null);
          setParseError(e);
        },
      );
    }, 150);
    setResult(null);
    setSolveError(null);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [text, fileName]);

  const onFile = async (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    if (!file) return;
    loadGame(await file.text(), file.name);
  };

  const onSolve = async () => {
    const controller = new AbortController();
    setRunning(controller);
    setSolveError(null);
    setResult(null);
    try {
      const { result: r, ms: took } = await runInWorkerTimed('games.solve', { text, fileName, method: method || undefined }, { signal: controller.signal });
      setResult(r.result);
      setMs(took);
      setSelected(0);
    } catch (e) {
      if ((e as Error).name !== 'AbortError') setSolveError(e);
    } finally {
      setRunning(null);
    }
  };

  const game = parsed?.game;
  const eq = result?.equilibria[selected];
  const labels = useMemo(() => (game ? strategyLabels(game) : []), [game]);
  const base = fileName.replace(/\.[^.]+$/, '') || 'game';

  const downloadCsv = () => {
    if (!result || !game) return;
    const header = ['equilibrium', ...game.players.flatMap((p, i) => labels[i]!.map((l) => `${p}:${l}`)), ...game.players.map((p) => `payoff:${p}`)];
    const rows = result.equilibria.map((e, k) => [k + 1, ...e.profile.flat(), ...e.payoffs]);
    downloadText(`${base}-${result.method}.csv`, toCsv([header, ...rows]), 'text/csv');
  };
  const downloadJson = () => result && downloadText(`${base}-${result.method}.json`, JSON.stringify({ file: fileName, game: game?.title, ...result }, null, 2), 'application/json');
  const downloadSvg = () => svgRef.current && downloadText(`${base}.svg`, svgText(svgRef.current), 'image/svg+xml');
  const downloadPng = async () => svgRef.current && downloadBlob(`${base}.png`, await svgToPng(svgRef.current));

  return (
    <div className="grid">
      <div className="grid grid-2">
        <Card title={t('games.input')} testId="card-game-input">
          <div className="toolbar">
            <label className="secondary">
              {t('games.upload')}: <input type="file" accept=".efg,.nfg,.json,text/plain" onChange={onFile} data-testid="game-file" />
            </label>
            <select
              aria-label={t('games.example')}
              value=""
              onChange={(e) => {
                const ex = exampleGames.find((g) => g.id === e.target.value);
                if (ex) loadGame(ex.text, ex.fileName);
              }}
            >
              <option value="">{t('games.example')}…</option>
              {exampleGames.map((g) => (
                <option key={g.id} value={g.id}>
                  {g.title}
                </option>
              ))}
            </select>
          </div>
          <p className="hint">
            {t('games.paste')} — <code>{fileName}</code>
          </p>
          <textarea
            value={text}
            onPaste={() => {
              freshGame.current = true;
            }}
            onChange={(e) => {
              setText(e.target.value);
              setFileName((current) => nameFor(e.target.value, current));
            }}
            spellCheck={false}
            data-testid="game-text"
            rows={14}
          />
          {parseError ? <ErrorBox error={parseError} title={t('games.badFile')} /> : null}
          <div className="toolbar" style={{ marginTop: 10 }}>
            <label>
              {t('games.method')}{' '}
              <select className="method-select" value={method} onChange={(e) => setMethod(e.target.value as SolveMethod)} data-testid="game-method" disabled={!parsed}>
                {(parsed?.methods ?? []).map((m) => (
                  <option key={m} value={m}>
                    {m} · {et.method(m)}
                    {m === parsed?.defaultMethod ? ' ★' : ''}
                  </option>
                ))}
              </select>
            </label>
            <button className="primary" onClick={onSolve} disabled={!parsed || running !== null} data-testid="game-solve">
              {t('games.solve')}
            </button>
            {running ? (
              <button className="secondary" onClick={() => running.abort()}>
                ✕
              </button>
            ) : null}
          </div>
          {running ? <ProgressBar value={null} /> : null}
          {solveError ? <ErrorBox error={solveError} /> : null}
        </Card>
        <Card
          title={t('games.equilibria')}
          testId="card-equilibria"
          actions={
            result ? (
              <>
                <button className="secondary" onClick={downloadJson}>JSON</button>
                <button className="secondary" onClick={downloadCsv}>CSV</button>
              </>
            ) : null
          }
        >
          {result ? (
            <>
              <p className="hint">
                {result.method} · {et.method(result.method)} · {result.complete ? t('games.complete') : t('games.incomplete')} {ms !== null ? `· ${ms.toFixed(1)} ms` : ''}
              </p>
              {result.eliminated ? <DominanceSteps result={result} players={game?.players ?? []} /> : null}
              {result.equilibria.length === 0 && !result.eliminated ? <p>{t('games.noEquilibria')}</p> : null}
              {result.complete && result.equilibria.length > 1 && result.method === 'enummixed' ? <p className="hint">{t('games.extremePoints')}</p> : null}
              <div className="table-scroll">
                <table data-testid="equilibria-table">
                  <thead>
                    <tr>
                      <th>#</th>
                      {game?.players.map((p) => <th key={p}>{p}</th>)}
                      <th>{t('games.expectedPayoffs')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {result.equilibria.map((e, k) => (
                      <tr key={k} onClick={() => setSelected(k)} style={{ cursor: 'pointer', background: k === selected ? '#fde2df' : undefined }} data-testid="equilibrium-row">
                        <td>{k + 1}</td>
                        {e.profile.map((p, i) => (
                          <td key={i}>
                            {p
                              .map((v, j) => (v === '0' ? null : `${labels[i]?.[j] ?? j}${v === '1' ? '' : ` ${v}`}`))
                              .filter(Boolean)
                              .join('; ')}
                          </td>
                        ))}
                        <td className="num">{e.payoffs.join(', ')}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </>
          ) : (
            <p className="muted">{parsed ? `${game?.title} — ${t('games.players')}: ${game?.players.join(', ')}` : ''}</p>
          )}
        </Card>
      </div>
      {game ? (
        <Card
          title={`${t('games.parsed')}: ${game.title}`}
          testId="card-game-picture"
          actions={
            <>
              <button className="secondary" onClick={downloadSvg}>SVG</button>
              <button className="secondary" onClick={() => void downloadPng()}>PNG</button>
            </>
          }
        >
          <div className="tree-scroll">
            {game.kind === 'efg' ? (
              <GameTree ref={svgRef} game={game} profile={eq?.profile} chanceName={t('tree.chance')} testId="game-tree" />
            ) : game.players.length === 2 ? (
              <PayoffMatrix ref={svgRef} game={game} profile={eq?.profile} caption={eq ? t('games.matrixCaptionEq') : t('games.matrixCaption')} testId="game-matrix" />
            ) : (
              <NormalFormTable game={game} />
            )}
          </div>
        </Card>
      ) : null}
    </div>
  );
}

/** What iterated dominance did: the strategies dropped, round by round, and what survives. */
function DominanceSteps({ result, players }: { result: PlainSolveResult; players: string[] }) {
  const { t } = useI18n();
  return (
    <div data-testid="dominance-steps">
      {result.eliminated!.length === 0 ? <p>{t('games.nothingDominated')}</p> : null}
      <ol className="hint">
        {result.eliminated!.map((e, k) => (
          <li key={k}>
            {t('games.dropped', { round: e.round, player: players[e.player] ?? String(e.player + 1), strategy: e.strategy, by: e.dominatedBy === 'mixed' ? t('games.mixedStrategy') : e.dominatedBy })}
          </li>
        ))}
      </ol>
      <p>
        {t('games.remaining')}:{' '}
        {result.remaining!.map((r, i) => `${players[i] ?? i + 1}: ${r.join(', ')}`).join(' · ')}
        {result.equilibria.length === 0 ? ` — ${t('games.notSolvedByDominance')}` : ''}
      </p>
    </div>
  );
}

/** A normal form with more than two players: one row per pure profile (the first 500). */
function NormalFormTable({ game }: { game: Extract<ParsedGame['game'], { kind: 'nfg' }> }) {
  const { t } = useI18n();
  const counts = game.strategies.map((s) => s.length);
  const rows = game.payoffs.slice(0, 500).map((payoff, index) => {
    let rest = index;
    const profile = counts.map((c, i) => {
      const k = rest % c;
      rest = Math.floor(rest / c);
      return game.strategies[i]![k]!;
    });
    return { profile, payoff };
  });
  return (
    <div className="table-scroll" data-testid="game-profiles">
      <p className="hint">
        {t('games.matrix')}: {counts.join(' × ')}
      </p>
      <table>
        <thead>
          <tr>
            {game.players.map((p) => (
              <th key={p}>{p}</th>
            ))}
            <th className="num">{t('games.expectedPayoffs')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r, k) => (
            <tr key={k}>
              {r.profile.map((s, i) => (
                <td key={i}>{s}</td>
              ))}
              <td className="num">{r.payoff.join(', ')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
