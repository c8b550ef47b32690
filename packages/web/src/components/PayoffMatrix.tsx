/**
 * A two-player normal form as an SVG matrix (row player's payoff first); cells in the support of
 * the chosen equilibrium are shaded, with each strategy's probability in the margins.
 */
import { forwardRef } from 'react';
import type { GameJson } from '@brink/engine/games';
import { numberOf } from '../lib/tree-layout';
import { playerColours } from './GameTree';

type NfgJson = Extract<GameJson, { kind: 'nfg' }>;

const fmt = (x: number) => (Math.abs(x - Math.round(x)) < 1e-9 ? String(Math.round(x)) : x.toFixed(3).replace(/0+$/, ''));

/**
 * `caption` explains the picture under it (e.g. "p = probability in the selected equilibrium; each
 * cell: the row player's payoff, the column player's payoff").
 */
export const PayoffMatrix = forwardRef<SVGSVGElement, { game: NfgJson; profile?: readonly (readonly string[])[]; caption?: string; testId?: string }>(function PayoffMatrix({ game, profile, caption, testId }, ref) {
  const rows = game.strategies[0] ?? [];
  const cols = game.strategies[1] ?? [''];
  const cellW = 110;
  const cellH = 40;
  const left = 130;
  const top = 60;
  const width = left + cols.length * cellW + 20;
  const height = top + rows.length * cellH + (caption ? 40 : 30);
  const pr = profile?.[0]?.map(numberOf);
  const pc = profile?.[1]?.map(numberOf);
  return (
    <svg ref={ref} xmlns="http://www.w3.org/2000/svg" viewBox={`0 0 ${width} ${height}`} width={width} height={height} className="tree-svg" style={{ maxWidth: '100%', fontFamily: 'system-ui, sans-serif' }} data-testid={testId}>
      <rect width={width} height={height} fill="#fff" />
      <text x={left + (cols.length * cellW) / 2} y={16} textAnchor="middle" fontSize={12} fontWeight={600} fill={playerColours[1]}>
        {game.players[1]}
      </text>
      <text x={10} y={top - 10} fontSize={12} fontWeight={600} fill={playerColours[0]}>
        {game.players[0]}
      </text>
      {cols.map((c, j) => (
        <text key={`c${j}`} x={left + j * cellW + cellW / 2} y={top - 10} textAnchor="middle" fontSize={12}>
          {c}
          {pc ? ` · p=${fmt(pc[j]!)}` : ''}
        </text>
      ))}
      {rows.map((r, i) => (
        <g key={`r${i}`}>
          <text x={left - 8} y={top + i * cellH + cellH / 2 + 4} textAnchor="end" fontSize={12}>
            {r}
            {pr ? ` · p=${fmt(pr[i]!)}` : ''}
          </text>
          {cols.map((_, j) => {
            const payoff = game.payoffs[i + rows.length * j] ?? [];
            const inSupport = pr && pc && pr[i]! > 1e-9 && pc[j]! > 1e-9;
            return (
              <g key={`x${i}-${j}`}>
                <rect x={left + j * cellW} y={top + i * cellH} width={cellW} height={cellH} fill={inSupport ? '#fde2df' : '#fff'} stroke="#9aa3b5" />
                <text x={left + j * cellW + cellW / 2} y={top + i * cellH + cellH / 2 + 4} textAnchor="middle" fontSize={13}>
                  <tspan fill={playerColours[0]}>{String(payoff[0] ?? '')}</tspan>
                  {', '}
                  <tspan fill={playerColours[1]}>{String(payoff[1] ?? '')}</tspan>
                </text>
              </g>
            );
          })}
        </g>
      ))}
      {caption ? (
        <text x={10} y={height - 12} fontSize={11} fill="#5b6475">
          {caption}
        </text>
      ) : null}
    </svg>
  );
});
