/**
 * Draws an extensive-form game as SVG: squares for decisions (coloured by player), circles for
 * chance, diamonds for outcomes with their payoffs; dashed boxes join the nodes of an information
 * set; with an equilibrium, the path it plays is drawn thick and red, and each action shows the
 * probability it is played.
 */
import { forwardRef, useMemo } from 'react';
import type { GameJson } from '@brink/engine/games';
import { layoutTree } from '../lib/tree-layout';

type EfgJson = Extract<GameJson, { kind: 'efg' }>;

export const playerColours = ['#2f5d9b', '#b4302a', '#2e8b57', '#7b4fa0', '#d38b1f', '#5b6475'];

const fmt = (x: number) => (Math.abs(x - Math.round(x)) < 1e-9 ? String(Math.round(x)) : x.toFixed(3).replace(/0+$/, ''));

export interface GameTreeProps {
  game: EfgJson;
  profile?: readonly (readonly (string | number)[])[];
  /** Label of each outcome code, e.g. for deterrence outcomes. */
  outcomeNames?: Record<string, string>;
  /** Without a profile: outcome label -> probability; the paths to those outcomes are highlighted. */
  hotOutcomes?: Readonly<Record<string, number>>;
  /** What chance nodes are called (the interface language's word for "Chance"). */
  chanceName?: string;
  testId?: string;
}

export const GameTree = forwardRef<SVGSVGElement, GameTreeProps>(function GameTree({ game, profile, outcomeNames, hotOutcomes, chanceName = 'Chance', testId }, ref) {
  const dy = 30;
  const layout = useMemo(() => layoutTree(game, profile, { dx: game.nodes.length > 60 ? 120 : 150, dy: game.nodes.length > 60 ? 22 : dy }, hotOutcomes), [game, profile, hotOutcomes]);
  const payoffWidth = 40 + 12 * Math.max(...layout.nodes.filter((n) => n.payoffs).map((n) => (n.payoffs ?? []).join(', ').length + (n.outcomeLabel?.length ?? 0)), 6);
  const margin = { left: 70, top: 40, right: payoffWidth, bottom: 40 };
  const width = layout.width + margin.left + margin.right;
  const height = layout.height + margin.top + margin.bottom;
  const onPath = (from: number, to: number) => {
    const a = layout.nodes[from]?.reach;
    const b = layout.nodes[to]?.reach;
    return a !== undefined && b !== undefined && a > 1e-9 && b > 1e-9;
  };
  return (
    <svg
      ref={ref}
      className="tree-svg"
      xmlns="http://www.w3.org/2000/svg"
      viewBox={`0 0 ${width} ${height}`}
      width={width}
      height={height}
      style={{ width: Math.min(width * 1.6, Math.max(width, 1100)), maxWidth: '100%', fontFamily: 'system-ui, "Noto Sans CJK TC", sans-serif' }}
      data-testid={testId}
      role="img"
      aria-label={game.title}
    >
      <rect x={0} y={0} width={width} height={height} fill="#fff" />
      <g transform={`translate(${margin.left},${margin.top})`}>
        {layout.infosetGroups.map((g) => {
          const members = g.nodes.map((i) => layout.nodes[i]!);
          const xs = members.map((n) => n.x);
          const ys = members.map((n) => n.y);
          return (
            <g key={`is-${g.infoset}`} data-infoset={g.infoset}>
              <rect
                x={Math.min(...xs) - 14}
                y={Math.min(...ys) - 14}
                width={Math.max(...xs) - Math.min(...xs) + 28}
                height={Math.max(...ys) - Math.min(...ys) + 28}
                rx={12}
                fill="none"
                stroke="#8a93a6"
                strokeDasharray="5 4"
              />
              {g.label ? (
                // Above the player's name over the top node (which sits at y - 12), not on it.
                <text x={Math.min(...xs) - 14} y={Math.min(...ys) - 27} fontSize={10} fill="#5b6475">
                  {g.label}
                </text>
              ) : null}
            </g>
          );
        })}
        {layout.edges.map((e) => {
          const a = layout.nodes[e.from]!;
          const b = layout.nodes[e.to]!;
          const hot = onPath(e.from, e.to);
          const label = e.action + (e.chanceProbability !== undefined ? ` (${e.chanceProbability})` : e.play !== undefined && e.play > 1e-9 && e.play < 1 - 1e-9 ? ` (${fmt(e.play)})` : '');
          const mx = (a.x + b.x) / 2;
          const my = (a.y + b.y) / 2;
          return (
            <g key={`e-${e.from}-${e.to}`} className={hot ? 'eq-edge' : 'edge'}>
              <path d={`M${a.x},${a.y} C${mx},${a.y} ${mx},${b.y} ${b.x},${b.y}`} fill="none" stroke={hot ? '#d7261e' : '#9aa3b5'} strokeWidth={hot ? 2 + 3 * (b.reach ?? 0) : 1.2} />
              <text x={mx} y={my - 4} fontSize={11} textAnchor="middle" fill={hot ? '#a01d17' : '#3c4558'} stroke="#fff" strokeWidth={3} paintOrder="stroke">
                {label}
              </text>
            </g>
          );
        })}
        {layout.nodes.map((n) => {
          if (n.type === 'terminal') {
            const text = (n.payoffs ?? []).join(', ');
            const name = n.outcomeLabel ? (outcomeNames?.[n.outcomeLabel] ?? n.outcomeLabel) : '';
            return (
              <g key={n.index} data-node={n.index} data-type="terminal">
                <path d={`M${n.x},${n.y - 6} L${n.x + 6},${n.y} L${n.x},${n.y + 6} L${n.x - 6},${n.y} Z`} fill={n.reach && n.reach > 1e-9 ? '#d7261e' : '#1d2433'} />
                <text x={n.x + 12} y={n.y + 4} fontSize={11} fill="#1d2433">
                  {name ? <tspan fontWeight={600}>{name} </tspan> : null}({text})
                  {n.reach !== undefined && n.reach > 1e-9 && n.reach < 1 - 1e-9 ? <tspan fill="#a01d17"> p={fmt(n.reach)}</tspan> : null}
                </text>
              </g>
            );
          }
          const colour = n.playerIndex >= 0 ? playerColours[n.playerIndex % playerColours.length] : '#fff';
          return (
            <g key={n.index} data-node={n.index} data-type={n.type}>
              {n.type === 'chance' ? (
                <circle cx={n.x} cy={n.y} r={8} fill="#fff" stroke="#1d2433" strokeWidth={1.5} />
              ) : (
                <rect x={n.x - 8} y={n.y - 8} width={16} height={16} fill={colour} rx={2} />
              )}
              <text x={n.x} y={n.y - 12} fontSize={11} textAnchor="middle" fill="#1d2433" stroke="#fff" strokeWidth={3} paintOrder="stroke">
                {n.type === 'chance' ? chanceName : n.player}
                {n.label ? `: ${n.label}` : ''}
              </text>
            </g>
          );
        })}
      </g>
      <g transform={`translate(${margin.left},${height - 16})`} fontSize={11} fill="#5b6475">
        {game.players.map((p, i) => (
          <g key={p} transform={`translate(${i * 140},0)`}>
            <rect x={0} y={-9} width={10} height={10} fill={playerColours[i % playerColours.length]} />
            <text x={14} y={0}>
              {p}
            </text>
          </g>
        ))}
      </g>
    </svg>
  );
});

